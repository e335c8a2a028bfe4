// Publish or take offline one or several APIs in one environment, with a remark. Several APIs go
// in one batch request; the answer lists each API as published or refused (code and message).
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ENV_ID } from '../../../contract/apic';
import { envsQuery, type Api, type BatchPublishResponse } from '../../api/apic';
import { useShowApiError } from '../../components/ErrorAlert';
import { feedback } from '../../components/feedback';
import { Tag } from '../../components/ui';
import { useBatchPublish, usePublish } from './hooks';

export type PublishAction = 'online' | 'offline';

export function PublishDialog({ iid, action, apis, onClose }: { iid: string; action: PublishAction; apis: Api[]; onClose: () => void }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const showApiError = useShowApiError();
  const envs = useQuery(envsQuery(iid));
  const [form] = Form.useForm<{ env_id: string; remark?: string }>();
  const one = usePublish(iid);
  const batch = useBatchPublish(iid);
  const [report, setReport] = useState<BatchPublishResponse>();
  const open = apis.length > 0;

  useEffect(() => {
    if (open) {
      setReport(undefined);
      form.setFieldsValue({ env_id: DEFAULT_ENV_ID, remark: '' });
    }
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const remark = v.remark?.trim() || undefined;
    try {
      if (apis.length === 1) {
        await one.mutateAsync({ action, api_id: apis[0]!.id, env_id: v.env_id, remark });
        feedback.success(t(action === 'online' ? 'publish.done' : 'publish.offlineDone', { name: apis[0]!.name }));
        onClose();
      } else {
        setReport(await batch.mutateAsync({ action, apis: apis.map((a) => a.id), env_id: v.env_id, remark }));
      }
    } catch (err) {
      showApiError(err);
    }
  };

  const nameOf = (id: string) => apis.find((a) => a.id === id)?.name ?? id;
  const title = t(action === 'online' ? 'publish.title' : 'publish.offlineTitle', { count: apis.length });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={report ? onClose : () => void submit()}
      okText={report ? tc('common.close') : t(action === 'online' ? 'publish.ok' : 'publish.offlineOk')}
      cancelButtonProps={report ? { style: { display: 'none' } } : undefined}
      confirmLoading={one.isPending || batch.isPending}
      okButtonProps={{ 'data-testid': 'publish-ok' }}
      destroyOnHidden
    >
      {report ? (
        <div data-testid="publish-report">
          <Alert type={report.failure.length ? 'warning' : 'success'} title={t('publish.report', { ok: report.success.length, failed: report.failure.length })} style={{ marginBottom: 12 }} />
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {[
              ...report.success.map((s) => ({ id: s.api_id ?? '', ok: true, text: '' })),
              ...report.failure.map((f) => ({ id: f.api_id, ok: false, text: `${f.error_code}: ${f.error_msg}` })),
            ].map((r) => (
              <li key={r.id} data-testid={r.ok ? 'publish-ok-item' : 'publish-failed-item'} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0' }}>
                <span>{nameOf(r.id)}</span>
                {r.ok ? <Tag tone="success">{t('publish.itemOk')}</Tag> : <Tag tone="error" title={r.text}>{r.text}</Tag>}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <Form form={form} layout="vertical">
          <p>{apis.map((a) => `“${a.name}”`).join(', ')}</p>
          <Form.Item name="env_id" label={t('publish.env')} rules={[{ required: true, message: tc('common.required') }]}>
            <Select loading={envs.isPending} data-testid="publish-env" options={(envs.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
          {action === 'online' ? (
            <Form.Item name="remark" label={t('publish.remark')} extra={t('rules.publishRemark')} rules={[{ max: 255, message: tc('common.maxLength', { max: 255 }) }]}>
              <Input.TextArea rows={2} maxLength={255} showCount data-testid="publish-remark" />
            </Form.Item>
          ) : null}
        </Form>
      )}
    </Modal>
  );
}
