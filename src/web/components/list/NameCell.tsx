// The name column of a list: a link that opens the item's drawer (its id in the URL, so the
// drawer survives a reload and can be shared), with the id below and a copy button.
import { CopyableId } from '../CopyableId';

export function NameCell({
  name,
  id,
  param,
  onOpen,
  testId,
}: {
  name: string;
  id: string;
  /** the URL parameter that holds the open item's id */
  param: string;
  onOpen: (id: string) => void;
  testId?: string;
}) {
  return (
    <div>
      <a
        href={`?${new URLSearchParams({ [param]: id }).toString()}`}
        data-testid={testId}
        onClick={(e) => {
          e.preventDefault();
          onOpen(id);
        }}
      >
        {name}
      </a>
      <div>
        <CopyableId id={id} ellipsis />
      </div>
    </div>
  );
}
