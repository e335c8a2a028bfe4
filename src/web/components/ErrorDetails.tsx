import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/errors';

/** error_code and a copyable request_id: what a support ticket needs. */
export function ErrorDetails({ error, text }: { error: ApiError; text: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="error-details">
      <div>{text}</div>
      <div style={{ marginTop: 4, fontSize: 12 }}>
        <Typography.Text type="secondary">{t('error.code')}: </Typography.Text>
        <Typography.Text code data-testid="error-code">
          {error.code}
        </Typography.Text>
        {error.requestId ? (
          <>
            <Typography.Text type="secondary"> · {t('error.requestId')}: </Typography.Text>
            <Typography.Text
              code
              copyable={{ text: error.requestId, tooltips: [t('common.copy'), t('common.copied')] }}
              data-testid="error-request-id"
            >
              {error.requestId}
            </Typography.Text>
          </>
        ) : null}
      </div>
    </div>
  );
}
