// The new secret, shown once, with copy and a warning that it will not be shown again.
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function SecretModal({ name, secret, onClose }: { name: string; secret?: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== undefined}
      title={t('apps.newSecretTitle', { name })}
      onCancel={onClose}
      maskClosable={false}
      data-testid="secret-modal"
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-modal-close">
          {t('common.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apps.newSecretWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: secret ?? '', tooltips: [t('apps.copySecret'), t('common.copied')] }}
        style={{ fontSize: 15, wordBreak: 'break-all' }}
        data-testid="new-secret"
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
