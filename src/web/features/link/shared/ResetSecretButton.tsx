// "Reset password" for a device or a product: a danger confirmation naming the target, the reset,
// then a success toast or the API error. Devices and products share it.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';

interface Props {
  /** Confirmation title and body, and the toast after the reset (already translated). */
  title: string;
  body: string;
  done: string;
  reset: () => Promise<unknown>;
  disabled: boolean;
  testId: string;
}

export function ResetSecretButton({ title, body, done, reset, disabled, testId }: Props) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const showApiError = useShowApiError();
  const confirm = () =>
    feedback.confirm({
      title,
      content: body,
      okText: t('devices.resetPassword'),
      cancelText: tc('common.cancel'),
      danger: true,
      onOk: async () => {
        try {
          await reset();
          feedback.success(done);
        } catch (err) {
          showApiError(err);
        }
      },
    });
  return (
    <Button size="small" danger disabled={disabled} onClick={confirm} data-testid={testId}>
      {t('devices.resetPassword')}
    </Button>
  );
}
