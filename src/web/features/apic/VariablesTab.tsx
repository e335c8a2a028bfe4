// A group's environment variables, one environment at a time: referenced as #name# in backend
// addresses, paths and constants, resolved per environment at call time.
import { Button, Form, Input, Segmented, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ENV_ID, ENV_VAR_NAME_PATTERN, ENV_VAR_VALUE_PATTERN } from '../../../contract/apic';
import { variablesQuery, type ApicEnv, type EnvVariable } from '../../api/apic';
import { useShowApiError } from '../../components/ErrorAlert';
import { actionsColumn, useConfirm } from '../../components/list';
import { Code } from '../../components/ui';
import { useVariables } from './hooks';

export function VariablesTab({ iid, groupId, envs }: { iid: string; groupId: string; envs: ApicEnv[] }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const [env, setEnv] = useState(DEFAULT_ENV_ID);
  const vars = useQuery(variablesQuery(iid, groupId));
  const { create, remove } = useVariables(iid, groupId);
  const [form] = Form.useForm<{ variable_name: string; variable_value: string }>();
  const confirm = useConfirm();
  const showApiError = useShowApiError();
  const rows = (vars.data?.items ?? []).filter((v) => v.env_id === env);

  const submit = async (v: { variable_name: string; variable_value: string }) => {
    try {
      await create.mutateAsync({ group_id: groupId, env_id: env, variable_name: v.variable_name.trim(), variable_value: v.variable_value.trim() });
      form.resetFields();
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <>
      <Segmented value={env} onChange={(v) => setEnv(String(v))} options={envs.map((e) => ({ value: e.id, label: e.name }))} style={{ marginBottom: 12 }} data-testid="variables-env" />
      <p>{t('variables.intro')}</p>
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="variable_name" extra={t('rules.varName')} rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 32, message: t('rules.varName') }, { pattern: ENV_VAR_NAME_PATTERN, message: t('rules.varName') }]}>
          <Input placeholder={t('variables.name')} style={{ width: 200 }} data-testid="variable-name" />
        </Form.Item>
        <Form.Item name="variable_value" extra={t('rules.varValue')} rules={[{ required: true, message: tc('common.required') }, { max: 255, message: t('rules.varValue') }, { pattern: ENV_VAR_VALUE_PATTERN, message: t('rules.varValue') }]}>
          <Input placeholder={t('variables.value')} style={{ width: 240 }} data-testid="variable-value" />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending} data-testid="variable-add">{t('variables.add')}</Button>
      </Form>
      <Table<EnvVariable> size="small" rowKey="id" loading={vars.isPending} pagination={false} dataSource={rows} data-testid="variables-table"
        locale={{ emptyText: t('variables.empty') }}
        columns={[
          { title: t('variables.name'), dataIndex: 'variable_name', render: (v: string) => <Code>{`#${v}#`}</Code> },
          { title: t('variables.value'), dataIndex: 'variable_value' },
          actionsColumn(tc('common.actions'), (v) => [
            { key: 'del', label: tc('common.delete'), danger: true, onClick: () => confirm.one({ title: t('variables.deleteTitle', { name: v.variable_name }), run: () => remove.mutateAsync(v.id) }) },
          ]),
        ]} />
    </>
  );
}
