import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A long id in monospace with a copy button. */
export function CopyableId({ id, testId, ellipsis }: { id: string; testId?: string; ellipsis?: boolean }) {
  const { t } = useTranslation();
  return (
    <Typography.Text
      data-testid={testId}
      style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, maxWidth: ellipsis ? 220 : undefined }}
      ellipsis={ellipsis ? { tooltip: id } : false}
      copyable={{ text: id, tooltips: [t('common.copy'), t('common.copied')] }}
    >
      {id}
    </Typography.Text>
  );
}
