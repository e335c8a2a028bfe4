// Environments APIs are published to (RELEASE always exists). Variables live per group and
// environment, on each group's page.
import { Button, Form, Input, Modal, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DEFAULT_ENV_ID, ENV_NAME_PATTERN } from '../../../contract/apic';
import { envsQuery, type ApicEnv } from '../../api/apic';
import { normaliseTime } from '../../api/time';
import { useShowApiError } from '../../components/ErrorAlert';
import { actionsColumn, useConfirm } from '../../components/list';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { Muted } from '../../components/ui';
import { useEnvs } from './hooks';
import { RemarkItem } from './RemarkItem';

export default function EnvsPage() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const envs = useQuery(envsQuery(iid));
  const { create, remove } = useEnvs(iid);
  const confirm = useConfirm();
  const showApiError = useShowApiError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; remark?: string }>();

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await create.mutateAsync({ name: v.name.trim(), remark: v.remark?.trim() || undefined });
      setOpen(false);
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <>
      <PageHeader title={t('envs.title')} subtitle={t('envs.subtitle')}
        extra={<Button type="primary" onClick={() => { form.resetFields(); setOpen(true); }} data-testid="env-create">{t('envs.create')}</Button>} />
      <Panel>
        <QueryView query={envs}>
          {(d) => (
            <Table<ApicEnv> rowKey="id" size="middle" dataSource={d.items} pagination={false} data-testid="envs-table"
              columns={[
                { title: tc('common.name'), dataIndex: 'name' },
                { title: tc('common.remark'), dataIndex: 'remark', render: (v: string) => v || <Muted>{tc('common.none')}</Muted> },
                { title: tc('common.created'), dataIndex: 'create_time', render: (v: string) => <Time value={normaliseTime(v)} /> },
                actionsColumn(tc('common.actions'), (e) => [
                  { key: 'del', label: tc('common.delete'), danger: true, blockedReason: e.id === DEFAULT_ENV_ID ? t('envs.releaseFixed') : undefined,
                    onClick: () => confirm.one({ title: t('envs.deleteTitle', { name: e.name }), body: t('envs.deleteBody'), run: () => remove.mutateAsync(e.id) }) },
                ]),
              ]} />
          )}
        </QueryView>
      </Panel>
      <Modal open={open} title={t('envs.create')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={tc('common.name')} extra={t('rules.envName')}
            rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 64, message: t('rules.envName') }, { pattern: ENV_NAME_PATTERN, message: t('rules.envName') }]}>
            <Input maxLength={64} data-testid="env-name" />
          </Form.Item>
          <RemarkItem />
        </Form>
      </Modal>
    </>
  );
}
