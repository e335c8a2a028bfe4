// Create / edit an app in a modal. Validates with the contract's patterns before sending;
// a 409 (name taken) becomes a field error.
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { feedback } from '../../components/feedback';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_NAME_MAX, APP_NAME_PATTERN, APP_REMARK_MAX } from '../../../contract/apps';
import type { App } from '../../api/apps';
import { toApiError } from '../../api/errors';
import { useShowApiError } from '../../components/ErrorAlert';
import { FormErrorsLive, validateOrFocus } from '../../components/FormErrors';
import { useCreateApp, useUpdateApp } from './hooks';
import { RolesTags } from './RolesTags';

interface Values {
  name: string;
  remark?: string;
}

export function AppFormModal({
  iid,
  open,
  app,
  onClose,
}: {
  iid: string;
  open: boolean;
  /** undefined = create */
  app?: App;
  onClose: (saved?: App) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showApiError = useShowApiError();
  const create = useCreateApp(iid);
  const update = useUpdateApp(iid);
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ name: app?.name ?? '', remark: app?.remark ?? '' });
    }
  }, [open, app, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v) return;
    const body = { name: v.name.trim(), remark: (v.remark ?? '').trim() };
    try {
      const saved = app ? await update.mutateAsync({ id: app.id, body }) : await create.mutateAsync(body);
      feedback.success(app ? t('apps.saved', { name: saved.name }) : t('apps.created', { name: saved.name }));
      onClose(saved);
    } catch (err) {
      const e = toApiError(err);
      if (e.status === 409) {
        form.setFields([{ name: 'name', errors: [`${t('apps.nameTaken')} (${e.code})`] }]);
        form.focusField('name');
        return;
      }
      showApiError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={app ? t('apps.editTitle', { name: app.name }) : t('apps.createTitle')}
      okText={app ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'app-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
      data-testid="app-form-modal"
    >
      <Form<Values> form={form} layout="vertical" disabled={pending} data-testid="app-form" onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label={t('common.name')}
          extra={t('apps.nameRule')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: APP_NAME_MAX, message: t('common.maxLength', { max: APP_NAME_MAX }) },
            { pattern: APP_NAME_PATTERN, message: t('apps.nameRule') },
          ]}
        >
          <Input data-testid="app-form-name" placeholder={t('apps.namePlaceholder')} maxLength={APP_NAME_MAX} showCount autoFocus />
        </Form.Item>
        <Form.Item
          name="remark"
          label={t('common.remark')}
          rules={[{ max: APP_REMARK_MAX, message: t('common.maxLength', { max: APP_REMARK_MAX }) }]}
        >
          <Input.TextArea data-testid="app-form-remark" rows={3} maxLength={APP_REMARK_MAX} showCount placeholder={t('apps.remarkPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('apps.roles')} extra={app ? t('apps.rolesHint') : undefined}>
          {app ? <RolesTags roles={app.roles} /> : <Typography.Text type="secondary">{t('apps.rolesOnCreate')}</Typography.Text>}
        </Form.Item>
        <FormErrorsLive testId="app-form-errors" labels={{ name: t('common.name'), remark: t('common.remark') }} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
