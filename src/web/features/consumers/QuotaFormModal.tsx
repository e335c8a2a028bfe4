// Create / edit a client quota: name, calls per period, first reset time (UTC), remark.
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { parseResetTime, POLICY_NAME_PATTERN, TIME_UNITS } from '../../../contract/apic-policies';
import type { AppQuotaCreateRequest, Quota } from '../../api/apicPolicies';
import { useShowApiError } from '../../components/ErrorAlert';
import { useSaveQuota } from './hooks';

type Values = { name: string; call_limits: number; time_interval: number; time_unit: AppQuotaCreateRequest['time_unit']; reset_time?: string; remark?: string };

export function QuotaFormModal({ iid, open, quota, onClose }: { iid: string; open: boolean; quota?: Quota; onClose: () => void }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveQuota(iid);
  const showApiError = useShowApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (quota) form.setFieldsValue({ ...quota, time_unit: quota.time_unit as Values['time_unit'], reset_time: quota.reset_time || undefined, remark: quota.remark });
  }, [open, quota, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: AppQuotaCreateRequest = {
      name: v.name.trim(), call_limits: v.call_limits, time_interval: v.time_interval, time_unit: v.time_unit,
      ...(v.reset_time?.trim() ? { reset_time: v.reset_time.trim() } : {}), ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}),
    };
    try {
      await save.mutateAsync({ id: quota?.id, body });
      onClose();
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <Modal open={open} title={quota ? t('quotas.edit') : t('quotas.create')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={{ time_interval: 1, time_unit: 'HOUR' }}>
        <Form.Item name="name" label={tc('common.name')} extra={t('quotas.nameRule')}
          rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 255, message: t('quotas.nameRule') }, { pattern: POLICY_NAME_PATTERN, message: t('quotas.nameRule') }]}>
          <Input maxLength={255} data-testid="quota-name" />
        </Form.Item>
        <Form.Item name="call_limits" label={t('quotas.callLimits')} rules={[{ required: true, message: tc('common.required') }]}>
          <InputNumber min={1} max={2147483647} precision={0} style={{ width: '100%' }} data-testid="quota-calls" />
        </Form.Item>
        <Form.Item name="time_interval" label={t('quotas.interval')} rules={[{ required: true, message: tc('common.required') }]}>
          <InputNumber min={1} max={2147483647} precision={0} style={{ width: '100%' }} data-testid="quota-interval" />
        </Form.Item>
        <Form.Item name="time_unit" label={t('quotas.unit')} rules={[{ required: true }]}>
          <Select data-testid="quota-unit" options={TIME_UNITS.map((u) => ({ value: u, label: t(`units.${u}_other`) }))} />
        </Form.Item>
        <Form.Item name="reset_time" label={t('quotas.resetTime')} extra={t('quotas.resetTimeHint')}
          rules={[{ validator: (_, v?: string) => (!v?.trim() || parseResetTime(v) !== undefined ? Promise.resolve() : Promise.reject(new Error(t('quotas.resetTimeInvalid')))) }]}>
          <Input placeholder="2026-01-01 00:00:00" maxLength={32} />
        </Form.Item>
        <Form.Item name="remark" label={tc('common.remark')} rules={[{ max: 255 }, { pattern: /^[^<>]*$/ }]}>
          <Input.TextArea rows={2} maxLength={255} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
