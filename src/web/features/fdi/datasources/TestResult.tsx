// The result of "Test connection", in place under the form.
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { apiErrorText } from '../../../components/apiErrorText';
import { Callout } from '../../../components/ui';

export function TestResult({ state }: { state: Pick<UseMutationResult<boolean, Error, never>, 'isSuccess' | 'isError' | 'data' | 'error'> }) {
  const { t } = useTranslation('fdi');
  const { t: tc } = useTranslation();
  if (state.isSuccess && state.data) return <Callout tone="info" title={t('ds.testOk')} testId="ds-test-ok" />;
  if (!state.isError && !(state.isSuccess && !state.data)) return null;
  const { error, text } = apiErrorText(state.error ?? new Error(t('ds.testFailed')), tc);
  return (
    <Callout tone="error" title={t('ds.testFailed')} testId="ds-test-failed">
      <div>{t('ds.testWhat')}:</div>
      <ErrorDetails error={error} text={text} />
    </Callout>
  );
}
