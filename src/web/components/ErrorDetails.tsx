import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/errors';
import { Code, CopyButton, Muted } from './ui';

/** error_code and a copyable request_id: what a support ticket needs. */
export function ErrorDetails({ error, text }: { error: ApiError; text: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="error-details">
      <div data-testid="error-message">{text}</div>
      <div style={{ marginTop: 4, fontSize: 12, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
        <Muted>{t('error.code')}:</Muted>
        <Code testId="error-code">{error.code}</Code>
        {error.requestId ? (
          <>
            <Muted>· {t('error.requestId')}:</Muted>
            <Code testId="error-request-id">{error.requestId}</Code>
            <CopyButton text={error.requestId} label={t('error.requestId')} testId="error-request-id-copy" />
          </>
        ) : null}
      </div>
    </div>
  );
}
