import { useTranslation } from 'react-i18next';
import { CopyButton, MONO } from './ui';

/** A long id in monospace with a copy button (`label` names it for the button; default "ID"). */
export function CopyableId({ id, testId, ellipsis, label }: { id: string; testId?: string; ellipsis?: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2, maxWidth: '100%' }}>
      <span
        data-testid={testId}
        title={ellipsis ? id : undefined}
        style={{
          fontFamily: MONO,
          fontSize: 12,
          ...(ellipsis
            ? { maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'inline-block' }
            : { wordBreak: 'break-all' }),
        }}
      >
        {id}
      </span>
      <CopyButton text={id} label={label ?? t('common.id')} />
    </span>
  );
}
