// Create / edit a throttling policy: name, period, counting (per API or shared), the four limits
// (app ≤ user ≤ API, source IP ≤ API; 0 or empty: not limited) and a remark.
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_NAME_PATTERN, TIME_UNITS } from '../../../contract/apic-policies';
import type { Throttle, ThrottleCreateRequest } from '../../api/apicThrottles';
import { useShowApiError } from '../../components/ErrorAlert';
import { useSaveThrottle } from './policyHooks';

const num = (min: number, testId: string) => <InputNumber min={min} max={2147483647} precision={0} style={{ width: '100%' }} data-testid={testId} />;
const DEFAULTS = { time_interval: 1, time_unit: 'SECOND', type: 1 } as const;

export function ThrottleFormModal({ iid, open, throttle, onClose }: { iid: string; open: boolean; throttle?: Throttle; onClose: () => void }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<ThrottleCreateRequest>();
  const save = useSaveThrottle(iid);
  const showApiError = useShowApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (throttle) {
      form.setFieldsValue({
        name: throttle.name, api_call_limits: throttle.api_call_limits, user_call_limits: throttle.user_call_limits || undefined,
        app_call_limits: throttle.app_call_limits || undefined, ip_call_limits: throttle.ip_call_limits || undefined, time_interval: throttle.time_interval,
        time_unit: throttle.time_unit as ThrottleCreateRequest['time_unit'], type: throttle.type === 2 ? 2 : 1, remark: throttle.remark || undefined,
      });
    }
  }, [open, throttle, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    // an emptied limit is sent as 0 ("not limited"), so an edit can remove a limit
    const body: ThrottleCreateRequest = {
      ...v, name: v.name.trim(), user_call_limits: v.user_call_limits ?? 0, app_call_limits: v.app_call_limits ?? 0, ip_call_limits: v.ip_call_limits ?? 0,
      remark: v.remark?.trim() ?? '',
    };
    try {
      await save.mutateAsync({ id: throttle?.id, body });
      onClose();
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <Modal open={open} title={throttle ? t('throttles.edit') : t('throttles.create')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={DEFAULTS}>
        <Form.Item name="name" label={tc('common.name')} rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 64 }, { pattern: POLICY_NAME_PATTERN, message: t('quotas.nameRule') }]}>
          <Input maxLength={64} data-testid="throttle-name" />
        </Form.Item>
        <Form.Item name="time_interval" label={t('quotas.interval')} rules={[{ required: true, message: tc('common.required') }]}>{num(1, 'throttle-interval')}</Form.Item>
        <Form.Item name="time_unit" label={t('quotas.unit')}>
          <Select data-testid="throttle-unit" options={TIME_UNITS.map((u) => ({ value: u, label: t(`units.${u}_other`) }))} />
        </Form.Item>
        <Form.Item name="type" label={t('throttles.type')}>
          <Select options={[{ value: 1, label: t('plugins.scopeBasic') }, { value: 2, label: t('plugins.scopeShare') }]} />
        </Form.Item>
        <Form.Item name="api_call_limits" label={t('throttles.api')} rules={[{ required: true, message: tc('common.required') }]}>{num(1, 'throttle-api-limit')}</Form.Item>
        <Form.Item name="user_call_limits" label={t('throttles.user')} extra={t('throttles.order')}>{num(0, 'throttle-user-limit')}</Form.Item>
        <Form.Item name="app_call_limits" label={t('throttles.app')}>{num(0, 'throttle-app-limit')}</Form.Item>
        <Form.Item name="ip_call_limits" label={t('throttles.ip')}>{num(0, 'throttle-ip-limit')}</Form.Item>
        <Form.Item name="remark" label={tc('common.remark')} rules={[{ max: 255 }, { pattern: /^[^<>]*$/ }]}>
          <Input.TextArea rows={2} maxLength={255} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
