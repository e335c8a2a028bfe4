import { Button } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from './ErrorDetails';
import { apiErrorText } from './apiErrorText';
import { CLIENT_CODES, toApiError } from '../api/errors';
import { feedback } from './feedback';
import { Callout } from './ui';

/** Inline error for a failed load, with the code, a copyable request id and an optional retry. */
export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { error: e, text } = apiErrorText(error, t);
  return (
    <Callout
      tone="error"
      testId="error-alert"
      title={title ?? t('error.title')}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} data-testid="error-retry">
            {t('error.retry')}
          </Button>
        ) : undefined
      }
    >
      <ErrorDetails error={e} text={text} />
    </Callout>
  );
}

/** `showApiError(err, title?)`: a notification with the error code and a copyable request id. */
export function useShowApiError() {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, title?: string) => {
      const e = toApiError(err);
      if (e.code === CLIENT_CODES.canceled) return;
      // 401s are handled by the session-expired flow; do not stack a notification on top
      if (e.status === 401 && e.code !== 'NO_SESSION') return;
      const { text } = apiErrorText(e, t);
      feedback.notifyError(e.requestId, title ?? t('error.title'), <ErrorDetails error={e} text={text} />);
    },
    [t],
  );
}
