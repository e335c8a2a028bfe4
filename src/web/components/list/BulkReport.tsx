// What a bulk action did: a summary line, then each failed item with its error code and request id.
import { useTranslation } from 'react-i18next';
import type { BulkResult } from '../../api/bulk';
import { ErrorDetails } from '../ErrorDetails';
import { apiErrorText } from '../apiErrorText';
import { Strong } from '../ui';

export function BulkReport<T>({
  results,
  summary,
  nameOf,
  keyOf,
  testId = 'bulk',
}: {
  results: readonly BulkResult<T>[];
  summary: string;
  nameOf: (item: T) => string;
  keyOf: (item: T) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={`${testId}-report`}>
      <p>{summary}</p>
      <ul style={{ paddingInlineStart: 18, margin: 0 }}>
        {results
          .filter((r) => r.error !== undefined)
          .map((r) => {
            const { error, text } = apiErrorText(r.error, t);
            return (
              <li key={keyOf(r.item)} style={{ marginBottom: 8 }} data-testid={`${testId}-failure`}>
                <Strong>{nameOf(r.item)}</Strong>
                <ErrorDetails error={error} text={text} />
              </li>
            );
          })}
      </ul>
    </div>
  );
}
