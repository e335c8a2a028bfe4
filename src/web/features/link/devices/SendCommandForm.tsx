// Send a command to a device, the form built from its product's thing model: service → command →
// one field per request parameter (typed, with its range). Sync waits for the device's answer
// (shown below); async returns at once. Lazy: loaded only when the Command tab opens.
import { Alert, Button, Empty, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandsQuery, propertiesQuery, servicesQuery, type CommandAnswer, type Device, type Property } from '../../../api/link';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { Code, Muted } from '../../../components/ui';
import { Section } from '../shared/Section';
import { useSendCommand } from '../shared/hooks';

type Answer = { ok: true; value: CommandAnswer; sync: boolean } | { ok: false; error: unknown };

/** The request parameter's value as the API wants it (numbers as numbers, JSON parsed). */
export function paramValue(p: Pick<Property, 'data_type'>, v: unknown): string | number | boolean {
  if (p.data_type === 'integer' || p.data_type === 'number') return Number(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export default function SendCommandForm({ iid, device }: { iid: string; device: Device }) {
  const { t } = useTranslation('link');
  const pid = device.productId ?? '';
  const [serviceId, setServiceId] = useState<string>();
  const [commandId, setCommandId] = useState<string>();
  const [answer, setAnswer] = useState<Answer>();
  const [form] = Form.useForm<Record<string, unknown>>();
  const services = useQuery({ ...servicesQuery(iid, pid), enabled: pid !== '' });
  const commands = useQuery({ ...commandsQuery(iid, pid, serviceId ?? ''), enabled: serviceId !== undefined });
  const owner = { kind: 'request' as const, serviceId: serviceId ?? '', commandId: commandId ?? '' };
  const params = useQuery({ ...propertiesQuery(iid, pid, owner), enabled: commandId !== undefined });
  const send = useSendCommand(iid, device.id);

  if (services.isPending && pid !== '') return <TableSkeleton rows={4} />;
  if (services.isError) return <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />;
  if (device.protocol !== undefined && device.protocol !== 0) return <Alert type="info" showIcon title={t('command.mqttOnly')} />;
  if (!services.data?.length) return <Empty description={t('command.noModel')} />;

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !serviceId || !commandId) return;
    const sync = v.__sync !== false;
    const requests = (params.data ?? []).filter((p) => v[p.property_name] !== undefined && v[p.property_name] !== '').map((p) => ({ parameter_name: p.property_name, parameter_value: paramValue(p, v[p.property_name]) }));
    setAnswer(undefined);
    try {
      const value = await send.mutateAsync({ service_id: Number(serviceId), command_id: Number(commandId), is_sync: sync, requests });
      setAnswer({ ok: true, value, sync });
    } catch (error) {
      setAnswer({ ok: false, error });
    }
  };

  return (
    <Form form={form} layout="vertical" data-testid="command-form" initialValues={{ __sync: true }} onFinish={() => void submit()}>
      <Form.Item label={t('fields.service')} required>
        <Select data-testid="command-service" value={serviceId} onChange={(v) => (setServiceId(v), setCommandId(undefined), setAnswer(undefined))} options={services.data.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item label={t('fields.command')} required extra={commands.data?.length === 0 ? t('command.noCommands') : undefined}>
        <Select
          data-testid="command-command"
          value={commandId}
          disabled={!serviceId}
          loading={commands.isFetching}
          onChange={(v) => (setCommandId(v), setAnswer(undefined), form.resetFields())}
          options={(commands.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      {params.isError ? <ErrorAlert error={params.error} /> : null}
      {(params.data ?? []).map((p) => (
        <ParamField key={p.id} p={p} />
      ))}
      <Form.Item name="__sync" label={t('command.sync')} valuePropName="checked" extra={t('command.syncHint')}>
        <Switch data-testid="command-sync" />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={!commandId || params.isPending} loading={send.isPending} data-testid="command-send">
        {t('command.send')}
      </Button>
      {answer ? (
        <div style={{ marginTop: 16 }} data-testid="command-answer">
          {answer.ok ? (
            <Section title={answer.sync ? t('command.answer') : t('command.queued')}>
              {answer.value === undefined ? <Muted>{t('command.noBody')}</Muted> : <Code testId="command-answer-body" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{JSON.stringify(answer.value, null, 2)}</Code>}
            </Section>
          ) : (
            <ErrorAlert error={answer.error} title={t('command.failed')} />
          )}
        </div>
      ) : null}
    </Form>
  );
}

function ParamField({ p }: { p: Property }) {
  const { t } = useTranslation('link');
  const numeric = p.data_type === 'integer' || p.data_type === 'number';
  const min = p.min != null && p.min !== '' ? Number(p.min) : undefined;
  const max = p.max != null && p.max !== '' ? Number(p.max) : undefined;
  const hint = numeric ? t('command.range', { min: p.min ?? '−∞', max: p.max ?? '∞', unit: p.unit ?? '' }) : p.max_length ? t('rules.max', { max: p.max_length }) : undefined;
  const rules = [
    ...(p.required === 1 ? [{ required: true, message: t('rules.required') }] : []),
    ...(p.data_type === 'json'
      ? [
          {
            validator: async (_: unknown, v: string) => {
              if (!v) return;
              try {
                JSON.parse(v);
              } catch {
                throw new Error(t('command.badJson'));
              }
            },
          },
        ]
      : []),
  ];
  return (
    <Form.Item name={p.property_name} label={<span>{p.property_name} <Muted>({p.data_type})</Muted></span>} extra={[p.description, hint].filter(Boolean).join(' · ')} rules={rules}>
      {numeric ? (
        <InputNumber style={{ width: '100%' }} min={min} max={max} step={p.step ? Number(p.step) : undefined} precision={p.data_type === 'integer' ? 0 : undefined} data-testid={`command-param-${p.property_name}`} />
      ) : p.data_type === 'json' ? (
        <Input.TextArea rows={3} data-testid={`command-param-${p.property_name}`} />
      ) : (
        <Input maxLength={p.max_length ?? undefined} data-testid={`command-param-${p.property_name}`} />
      )}
    </Form.Item>
  );
}
