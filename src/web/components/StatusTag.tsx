import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_TONE, type StatusKey } from '../api/status';

/** Status with colour and text, from the one colour map in api/status.ts. */
export function StatusTag({ status, raw }: { status: StatusKey; raw?: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={STATUS_TONE[status]} data-testid="status-tag" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
  return raw ? <Tooltip title={t('instances.vendorStatus', { status: raw })}>{tag}</Tooltip> : tag;
}
