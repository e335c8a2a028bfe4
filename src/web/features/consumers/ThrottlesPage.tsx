// Request throttling policies: their limits in words, bound API count and special settings;
// create in a modal, delete (bindings and specials go with the policy). Bind on an API's page.
import { Button, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { z } from 'zod';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { POLICY_NAME_PATTERN, TIME_UNITS, type ThrottleCreateRequest } from '../../../contract/apic-policies';
import { throttleListQuery, type Throttle } from '../../api/apicPolicies';
import { useShowApiError } from '../../components/ErrorAlert';
import { actionsColumn, ListPage, ListTable, NameSearch, pagedSearchFields, useConfirm, useList } from '../../components/list';
import { useCreateThrottle, useDeleteThrottle } from './hooks';
import { groupThousands } from './ruleText';

const searchSchema = z.object({ ...pagedSearchFields(64) });
const num = (min: number) => <InputNumber min={min} max={2147483647} precision={0} style={{ width: '100%' }} />;

export default function ThrottlesPage() {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const list = useList(searchSchema, (s) => throttleListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined }));
  const confirm = useConfirm();
  const del = useDeleteThrottle(iid);
  const create = useCreateThrottle(iid);
  const showApiError = useShowApiError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ThrottleCreateRequest>();
  const per = (n: number | undefined, th: Throttle) => (n ? t('throttles.per', { calls: groupThousands(n), interval: th.time_interval, unit: t(`units.${th.time_unit as 'SECOND'}_${th.time_interval === 1 ? 'one' : 'other'}`) }) : '–');

  const columns: TableColumnsType<Throttle> = [
    { title: tc('common.name'), dataIndex: 'name' },
    { title: t('throttles.api'), key: 'api', render: (_, th) => <>{per(th.api_call_limits, th)} {th.type === 2 ? <Tag>{t('throttles.shared')}</Tag> : null}</> },
    { title: t('throttles.user'), key: 'user', render: (_, th) => per(th.user_call_limits, th) },
    { title: t('throttles.app'), key: 'app', render: (_, th) => per(th.app_call_limits, th) },
    { title: t('throttles.ip'), key: 'ip', render: (_, th) => per(th.ip_call_limits, th) },
    { title: t('throttles.bound'), dataIndex: 'bind_num', width: 100 },
    { title: t('throttles.specials'), dataIndex: 'is_inclu_special_throttle', width: 110, render: (v?: number) => (v === 1 ? tc('common.yes') : tc('common.no')) },
    actionsColumn(tc('common.actions'), (th) => [
      { key: 'delete', label: tc('common.delete'), danger: true, testId: 'throttle-action-delete',
        onClick: () => confirm.one({ title: t('throttles.deleteTitle', { name: th.name }), body: t('throttles.deleteBody'), run: () => del.mutateAsync(th) }) },
    ]),
  ];
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await create.mutateAsync({ ...v, name: v.name.trim() });
      setOpen(false);
    } catch (err) {
      showApiError(err);
    }
  };
  const createButton = <Button type="primary" onClick={() => { form.resetFields(); setOpen(true); }} data-testid="throttle-create">{t('throttles.create')}</Button>;

  return (
    <>
      <ListPage id="throttles" title={t('throttles.title')} subtitle={t('throttles.subtitle')} primary={createButton} query={list.query}
        filters={<NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('throttles.searchPlaceholder')} maxLength={64} testId="throttles-search" />}>
        <ListTable id="throttles" list={list} columns={columns} empty={{ title: t('throttles.emptyTitle'), hint: t('throttles.emptyHint'), action: createButton }} emptyFiltered={{ title: t('throttles.emptyFilteredTitle') }} />
      </ListPage>
      <Modal open={open} title={t('throttles.create')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" initialValues={{ time_interval: 1, time_unit: 'SECOND', type: 1 }}>
          <Form.Item name="name" label={tc('common.name')} rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 64 }, { pattern: POLICY_NAME_PATTERN, message: t('quotas.nameRule') }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="time_interval" label={t('quotas.interval')} rules={[{ required: true }]}>{num(1)}</Form.Item>
          <Form.Item name="time_unit" label={t('quotas.unit')}><Select options={TIME_UNITS.map((u) => ({ value: u, label: t(`units.${u}_other`) }))} /></Form.Item>
          <Form.Item name="type" label={t('throttles.type')}>
            <Select options={[{ value: 1, label: t('plugins.scopeBasic') }, { value: 2, label: t('plugins.scopeShare') }]} />
          </Form.Item>
          <Form.Item name="api_call_limits" label={t('throttles.api')} rules={[{ required: true, message: tc('common.required') }]}>{num(1)}</Form.Item>
          <Form.Item name="user_call_limits" label={t('throttles.user')} extra={t('throttles.order')}>{num(0)}</Form.Item>
          <Form.Item name="app_call_limits" label={t('throttles.app')}>{num(0)}</Form.Item>
          <Form.Item name="ip_call_limits" label={t('throttles.ip')}>{num(0)}</Form.Item>
        </Form>
      </Modal>
    </>
  );
}
