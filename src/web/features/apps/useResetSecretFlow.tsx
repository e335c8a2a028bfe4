// Secret reset: confirm naming the app, then show the new secret once.
import { App as AntApp, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { App } from '../../api/apps';
import { useShowApiError } from '../../components/ErrorAlert';
import { SecretModal } from './SecretModal';
import { useResetSecret } from './hooks';

export function useResetSecretFlow(iid: string) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const showApiError = useShowApiError();
  const reset = useResetSecret(iid);
  const [revealed, setRevealed] = useState<{ name: string; secret: string }>();

  const start = (app: Pick<App, 'id' | 'name'>) => {
    modal.confirm({
      title: t('apps.resetTitle', { name: app.name }),
      content: t('apps.resetBody'),
      okText: t('apps.resetSecret'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const secret = await reset.mutateAsync(app.id);
          setRevealed({ name: app.name, secret });
        } catch (err) {
          showApiError(err);
        }
      },
    });
  };

  const element = (
    <SecretModal name={revealed?.name ?? ''} secret={revealed?.secret} onClose={() => setRevealed(undefined)} />
  );
  return { start, element };
}
