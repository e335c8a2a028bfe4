// Secret reset: confirm naming the app, then show the new secret once.
import { feedback } from '../../components/feedback';
import { offerReload } from '../../components/reloadPrompt';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { App } from '../../api/apps';
import { useShowApiError } from '../../components/ErrorAlert';
import { useResetSecret } from './hooks';

const loadSecretModal = () => import('./SecretModal');
const SecretModal = lazy(() => loadSecretModal().then((m) => ({ default: m.SecretModal })));

export function useResetSecretFlow(iid: string) {
  const { t } = useTranslation();
  const showApiError = useShowApiError();
  const reset = useResetSecret(iid);
  const [revealed, setRevealed] = useState<{ name: string; secret: string }>();

  const start = (app: Pick<App, 'id' | 'name'>) => {
    feedback.confirm({
      title: t('apps.resetTitle', { name: app.name }),
      content: t('apps.resetBody'),
      okText: t('apps.resetSecret'),
      danger: true,
      cancelText: t('common.cancel'),
      onOk: async () => {
        // the new secret is shown once: make sure the dialog that shows it can load before resetting
        try {
          await loadSecretModal();
        } catch {
          offerReload();
          return;
        }
        try {
          const secret = await reset.mutateAsync(app.id);
          setRevealed({ name: app.name, secret });
        } catch (err) {
          showApiError(err);
        }
      },
    });
  };

  const element = revealed ? (
    <Suspense fallback={null}>
      <SecretModal name={revealed.name} secret={revealed.secret} onClose={() => setRevealed(undefined)} />
    </Suspense>
  ) : null;
  return { start, element };
}
