// Small thing-model forms: a service (name 2-64, enabled) and a command (name 2-50: letters,
// digits, - and _). One modal, two shapes.
import { Form, Input, Modal, Switch, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/errors';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { validateOrFocus } from '../../../components/FormErrors';
import { len, max, pattern, required } from '../shared/rules';

export interface ModelFormTarget {
  kind: 'service' | 'command';
  /** editing: its current values */
  initial?: { name: string; description: string; enabled?: boolean };
}
interface Values {
  name: string;
  description?: string;
  enabled: boolean;
}

export function ModelFormModal({
  target,
  onClose,
  save,
}: {
  target?: ModelFormTarget;
  onClose: () => void;
  save: (v: { name: string; description: string; enabled: boolean }) => Promise<unknown>;
}) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showApiError = useShowApiError();
  const service = target?.kind === 'service';
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ enabled: true, ...target.initial });
  }, [target, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v) return;
    try {
      await save({ name: v.name.trim(), description: (v.description ?? '').trim(), enabled: v.enabled });
      feedback.success(t('model.saved', { name: v.name }));
      onClose();
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'RML.0207') return form.setFields([{ name: 'name', errors: [`${e.message} (${e.code})`] }]);
      showApiError(e);
    }
  };
  const title = service ? (target?.initial ? t('model.editService') : t('model.addService')) : target?.initial ? t('model.editCommand') : t('model.addCommand');
  return (
    <Modal
      open={target !== undefined}
      title={title}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'model-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label={tc('common.name')}
          extra={service ? t('rules.lengthHint', { min: 2, max: 64 }) : t('model.commandNameRule')}
          rules={service ? [required(t), len(t, 2, 64)] : [required(t), len(t, 2, 50), pattern(/^[A-Za-z0-9_-]+$/, t('model.commandNameRule'))]}
        >
          <Input maxLength={service ? 64 : 50} data-testid="model-form-name" autoFocus />
        </Form.Item>
        {service ? (
          <Form.Item name="enabled" label={t('fields.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
        <Form.Item name="description" label={tc('common.remark')} rules={[max(t, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
