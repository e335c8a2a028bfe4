// Add a special app or user to a throttling policy with its own limit, or change that limit.
// Apps are picked from the instance's apps; a user is given by id (the service has no user list).
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appListQuery } from '../../api/apps';
import type { Throttle, ThrottleSpecial } from '../../api/apicThrottles';
import { useShowApiError } from '../../components/ErrorAlert';
import { useThrottleSpecials } from './policyHooks';
import type { Translate } from './ruleText';

type Values = { object_type: 'APP' | 'USER'; app_id?: string; user_id?: string; call_limits: number };

export function SpecialFormModal({ iid, throttle, open, special, onClose }: { iid: string; throttle: Throttle; open: boolean; special?: ThrottleSpecial; onClose: () => void }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('object_type', form) ?? 'APP';
  const { create, update } = useThrottleSpecials(iid, throttle.id);
  const apps = useQuery({ ...appListQuery(iid, { offset: 0, limit: 100 }), enabled: open && !special });
  const showApiError = useShowApiError();
  const required = [{ required: true, message: tc('common.required') }];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (special) form.setFieldsValue({ object_type: special.object_type === 'USER' ? 'USER' : 'APP', call_limits: special.call_limits });
  }, [open, special, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      if (special) await update.mutateAsync({ id: special.id, limit: v.call_limits });
      else await create.mutateAsync({ object_type: v.object_type, object_id: (v.object_type === 'APP' ? v.app_id : v.user_id?.trim()) ?? '', call_limits: v.call_limits });
      onClose();
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <Modal open={open} title={special ? `${t('throttles.special.edit')} · ${special.object_name ?? special.object_id}` : t('throttles.special.add')}
      onCancel={onClose} onOk={() => void submit()} confirmLoading={create.isPending || update.isPending}>
      <Form form={form} layout="vertical" initialValues={{ object_type: 'APP' }}>
        {!special && (
          <>
            <Form.Item name="object_type" label={t('throttles.special.kind')}>
              <Radio.Group data-testid="special-kind" options={(['APP', 'USER'] as const).map((k) => ({ value: k, label: t(`throttles.special.${k}`) }))} />
            </Form.Item>
            {kind === 'APP' ? (
              <Form.Item name="app_id" label={t('throttles.special.app')} rules={required}>
                <Select showSearch optionFilterProp="label" placeholder={t('throttles.special.appPick')} loading={apps.isPending} data-testid="special-app"
                  options={(apps.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
              </Form.Item>
            ) : (
              <Form.Item name="user_id" label={t('throttles.special.user')} extra={t('throttles.special.userHint')} rules={[...required, { max: 64 }]}>
                <Input maxLength={64} data-testid="special-user" />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="call_limits" label={t('throttles.special.limit')} rules={required}
          extra={t('throttles.special.limitHint', { interval: throttle.time_interval, unit: (t as Translate)(`units.${throttle.time_unit}`, { count: throttle.time_interval }), max: throttle.api_call_limits })}>
          <InputNumber min={1} max={throttle.api_call_limits} precision={0} style={{ width: '100%' }} data-testid="special-limit" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
