import { useTranslation } from 'react-i18next';
import { STATUS_TONE, type StatusKey } from '../api/status';
import { Tag } from './ui';

/** Status with colour and text, from the one colour map in api/status.ts. Vendor text on hover. */
export function StatusTag({ status, raw }: { status: StatusKey; raw?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      tone={STATUS_TONE[status]}
      testId="status-tag"
      data-status={status}
      title={raw ? t('instances.vendorStatus', { status: raw }) : undefined}
    >
      {t(`status.${status}`)}
    </Tag>
  );
}
