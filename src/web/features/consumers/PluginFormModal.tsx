// Create / edit a plugin: name, type (fixed once created), remark, and the type's own fields.
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ENFORCED_PLUGIN_TYPES } from '../../../contract/apic-plugins';
import { POLICY_NAME_PATTERN } from '../../../contract/apic-policies';
import type { Plugin } from '../../api/apicPlugins';
import { useShowApiError } from '../../components/ErrorAlert';
import { useSavePlugin } from './hooks';
import { FORM_PLUGIN_TYPES, fromForm, toForm, type FormPluginType } from './pluginContent';
import { PluginContentFields } from './PluginContentFields';

type Values = { plugin_name: string; plugin_type: FormPluginType; remark?: string; content: Record<string, unknown> };

export function PluginFormModal({ iid, open, plugin, onClose }: { iid: string; open: boolean; plugin?: Plugin; onClose: () => void }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const type = (Form.useWatch('plugin_type', form) ?? 'cors') as FormPluginType;
  const save = useSavePlugin(iid);
  const showApiError = useShowApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (plugin) {
      const ty = plugin.plugin_type as FormPluginType;
      form.setFieldsValue({ plugin_name: plugin.plugin_name, plugin_type: ty, remark: plugin.remark, content: toForm(ty, plugin.plugin_content) });
    } else form.setFieldsValue({ plugin_type: 'cors', content: toForm('cors') });
  }, [open, plugin, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      plugin_name: v.plugin_name.trim(), plugin_type: v.plugin_type, plugin_scope: 'global' as const,
      plugin_content: fromForm(v.plugin_type, v.content ?? {}, plugin?.plugin_content), ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}),
    };
    try {
      await save.mutateAsync({ id: plugin?.id, body });
      onClose();
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <Modal open={open} width={640} title={plugin ? t('plugins.edit') : t('plugins.create')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical">
        <Form.Item name="plugin_name" label={tc('common.name')} extra={t('quotas.nameRule')}
          rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 255, message: t('quotas.nameRule') }, { pattern: POLICY_NAME_PATTERN, message: t('quotas.nameRule') }]}>
          <Input maxLength={255} data-testid="plugin-name" />
        </Form.Item>
        <Form.Item name="plugin_type" label={t('plugins.type')} rules={[{ required: true }]}>
          <Select disabled={Boolean(plugin)} data-testid="plugin-type" onChange={(ty: FormPluginType) => form.setFieldValue('content', toForm(ty))}
            options={FORM_PLUGIN_TYPES.map((ty) => ({ value: ty, label: t(`plugins.types.${ty}`) }))} />
        </Form.Item>
        {!ENFORCED_PLUGIN_TYPES.includes(type) && <Alert type="info" showIcon message={t('plugins.notEnforced')} style={{ marginBottom: 16 }} />}
        <PluginContentFields type={type} />
        <Form.Item name="remark" label={tc('common.remark')} rules={[{ max: 255 }, { pattern: /^[^<>]*$/ }]}>
          <Input.TextArea rows={2} maxLength={255} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
