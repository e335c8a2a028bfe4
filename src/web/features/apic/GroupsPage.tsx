// API groups: name search in the URL → table (sub-domain, description) → each group's own page;
// create in a small modal that states the name rules before the server does.
import { Button, Form, Input, Modal } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { APIC_NAME_PATTERN } from '../../../contract/apic';
import { groupListQuery, type ApiGroup } from '../../api/apic';
import { useShowApiError } from '../../components/ErrorAlert';
import { Code, Muted } from '../../components/ui';
import { Time } from '../../components/Time';
import { actionsColumn, ListPage, ListTable, NameSearch, useConfirm, useList } from '../../components/list';
import { normaliseTime } from '../../api/time';
import { useCreateGroup, useDeleteGroup } from './hooks';
import { groupsSearchSchema } from './search';
import { RemarkItem } from './RemarkItem';

export default function GroupsPage() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const navigate = useNavigate();
  const list = useList(groupsSearchSchema, (s) => groupListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined }));
  const confirm = useConfirm();
  const del = useDeleteGroup(iid);
  const create = useCreateGroup(iid);
  const showApiError = useShowApiError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; remark?: string }>();
  const at = (id: string) => `/i/${encodeURIComponent(iid)}/api-groups/${encodeURIComponent(id)}`;

  const columns: TableColumnsType<ApiGroup> = [
    { title: tc('common.name'), dataIndex: 'name', render: (_, g) => <Link to={at(g.id)} data-testid="group-name-link">{g.name}</Link> },
    { title: t('groups.subdomain'), dataIndex: 'sl_domain', render: (v: string) => <Code>{v}</Code> },
    { title: tc('common.remark'), dataIndex: 'remark', ellipsis: true, render: (v: string) => v || <Muted>{tc('common.none')}</Muted> },
    { title: tc('common.updated'), dataIndex: 'update_time', width: 170, render: (v: string) => <Time value={normaliseTime(v)} mode="relative" /> },
    actionsColumn(tc('common.actions'), (g) => [
      { key: 'delete', label: tc('common.delete'), danger: true, testId: 'group-action-delete',
        onClick: () => confirm.one({ title: t('groups.deleteTitle', { name: g.name }), body: t('groups.deleteBody'), run: () => del.mutateAsync(g) }) },
    ]),
  ];

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      const g = await create.mutateAsync({ name: v.name.trim(), remark: v.remark?.trim() || undefined });
      setOpen(false);
      void navigate(at(g.id));
    } catch (err) {
      showApiError(err);
    }
  };
  const createButton = <Button type="primary" onClick={() => { form.resetFields(); setOpen(true); }} data-testid="group-create">{t('groups.create')}</Button>;

  return (
    <>
      <ListPage id="groups" title={t('groups.title')} subtitle={t('groups.subtitle')} primary={createButton} query={list.query}
        filters={<NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('groups.searchPlaceholder')} maxLength={255} testId="groups-search" />}>
        <ListTable id="groups" list={list} columns={columns} empty={{ title: t('groups.emptyTitle'), hint: t('groups.emptyHint'), action: createButton }} emptyFiltered={{ title: t('groups.emptyFilteredTitle') }} />
      </ListPage>
      <Modal open={open} title={t('groups.create')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'group-save' }}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={tc('common.name')} extra={t('rules.name')}
            rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 255, message: t('rules.nameLength') }, { pattern: APIC_NAME_PATTERN, message: t('rules.nameChars') }]}>
            <Input maxLength={255} data-testid="group-name" />
          </Form.Item>
          <RemarkItem />
        </Form>
      </Modal>
    </>
  );
}
