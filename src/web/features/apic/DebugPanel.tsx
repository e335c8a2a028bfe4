// Call an API through the gateway's pipeline: the draft (DEVELOPER) or what is live in an
// environment (CONSUMER). Fill its parameters, send, read status, headers, body and latency.
import { Button, Descriptions, Form, Input, Select, Space, Table } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { debugApi, type Api, type ApicEnv } from '../../api/apic';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Code, MONO, Tag } from '../../components/ui';
import { getApicApp } from '../../api/apicApps';
import DebugAppPicker from './DebugAppPicker';
import { buildDebugRequest, type DebugAppCredentials, type DebugForm } from './debugRequest';

/** The app's key and secret, read when sending (a list may be stale after a secret reset). */
async function credentialsOf(iid: string, appId: string | undefined): Promise<DebugAppCredentials | undefined> {
  if (!appId) return undefined;
  const app = await getApicApp(iid, appId);
  return app.app_key && app.app_secret ? { app_key: app.app_key, app_secret: app.app_secret } : undefined;
}

export default function DebugPanel({ iid, api, envs }: { iid: string; api: Api; envs: ApicEnv[] }) {
  const { t } = useTranslation('apic');
  const [form] = Form.useForm<DebugForm>();
  const send = useMutation({ mutationFn: async (v: DebugForm) => debugApi(iid, api.id, buildDebugRequest(api, v, await credentialsOf(iid, v.app))) });
  const params = api.req_params ?? [];
  const r = send.data;
  const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(api.req_method ?? 'GET');

  return (
    <>
      <Form form={form} layout="vertical" initialValues={{ target: 'DEVELOPER', app: '', values: Object.fromEntries(params.map((p) => [p.name, p.sample_value || p.default_value || ''])) }}
        onFinish={(v) => send.mutate(v)}>
        <Form.Item name="target" label={t('debug.target')} extra={t('debug.targetHint')}>
          <Select style={{ width: 280 }} data-testid="debug-target"
            options={[{ value: 'DEVELOPER', label: t('debug.draft') }, ...envs.map((e) => ({ value: e.name, label: t('debug.liveIn', { env: e.name }) }))]} />
        </Form.Item>
        <DebugAppPicker iid={iid} />
        {params.length ? <h4>{t('editor.params')}</h4> : null}
        <Space wrap>
          {params.map((p) => (
            <Form.Item key={`${p.location}:${p.name}`} name={['values', p.name]} label={`${p.location} ${p.name}${p.required === 1 ? ' *' : ''}`}>
              <Input style={{ width: 200 }} data-testid={`debug-param-${p.name}`} />
            </Form.Item>
          ))}
        </Space>
        {hasBody ? <Form.Item name="body" label={t('debug.body')}><Input.TextArea rows={4} style={{ fontFamily: MONO }} /></Form.Item> : null}
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="debug-send">{t('debug.send')}</Button>
      </Form>
      {send.error ? <div style={{ marginTop: 12 }}><ErrorAlert error={send.error} /></div> : null}
      {r ? (
        <div style={{ marginTop: 16 }} data-testid="debug-result">
          <Descriptions size="small" column={3} items={[
            { key: 's', label: t('debug.status'), children: <Tag tone={r.status < 400 ? 'success' : 'error'} testId="debug-status">{`${r.status} ${r.statusText}`}</Tag> },
            { key: 'l', label: t('debug.latency'), children: <span data-testid="debug-latency">{t('debug.ms', { ms: r.latency })}</span> },
            { key: 'r', label: t('debug.request'), children: <Code>{r.request.split('\r\n')[0]}</Code> },
          ]} />
          <Table size="small" pagination={false} rowKey={(h) => h[0]} dataSource={r.headers} data-testid="debug-headers" style={{ marginBottom: 12 }}
            columns={[{ title: t('debug.header'), render: (_, h) => <Code>{h[0]}</Code> }, { title: t('debug.value'), render: (_, h) => h[1] }]} />
          <pre data-testid="debug-body" style={{ fontFamily: MONO, fontSize: 12, whiteSpace: 'pre-wrap', maxHeight: 360, overflow: 'auto', padding: 12, border: '1px solid var(--ant-color-border-secondary, #eee)', borderRadius: 6 }}>
            {r.body}
          </pre>
        </div>
      ) : null}
    </>
  );
}
