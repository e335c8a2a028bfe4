// Client quotas: name search in the URL → table with each quota's rule in words and its bound
// app count → the quota's own page; create / edit in a modal loaded on first use.
import { Button } from 'antd';
import type { TableColumnsType } from 'antd';
import { z } from 'zod';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { quotaListQuery, type Quota } from '../../api/apicPolicies';
import { normaliseTime } from '../../api/time';
import { actionsColumn, ListPage, ListTable, NameSearch, pagedSearchFields, useConfirm, useList, useMountedOnce } from '../../components/list';
import { Time } from '../../components/Time';
import { Muted } from '../../components/ui';
import { useDeleteQuota } from './hooks';
import { quotaRule, type Translate } from './ruleText';

const QuotaFormModal = lazy(() => import('./QuotaFormModal').then((m) => ({ default: m.QuotaFormModal })));
const searchSchema = z.object({ ...pagedSearchFields(255) });

export default function QuotasPage() {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const list = useList(searchSchema, (s) => quotaListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined }));
  const confirm = useConfirm();
  const del = useDeleteQuota(iid);
  const [form, setForm] = useState<{ open: boolean; quota?: Quota }>({ open: false });
  const formUsed = useMountedOnce(form.open);
  const at = (id: string) => `/i/${encodeURIComponent(iid)}/quotas/${encodeURIComponent(id)}`;

  const columns: TableColumnsType<Quota> = [
    { title: tc('common.name'), dataIndex: 'name', render: (_, q) => <Link to={at(q.id)} data-testid="quota-name-link">{q.name}</Link> },
    { title: t('quotas.ruleColumn'), key: 'rule', render: (_, q) => quotaRule(q, t as Translate) },
    { title: t('quotas.boundApps'), dataIndex: 'bound_app_num', width: 120 },
    { title: tc('common.remark'), dataIndex: 'remark', ellipsis: true, render: (v?: string) => v || <Muted>{tc('common.none')}</Muted> },
    { title: tc('common.created'), dataIndex: 'create_time', width: 170, render: (v: string) => <Time value={normaliseTime(v)} mode="relative" /> },
    actionsColumn(tc('common.actions'), (q) => [
      { key: 'edit', label: tc('common.edit'), onClick: () => setForm({ open: true, quota: q }), testId: 'quota-action-edit' },
      { key: 'delete', label: tc('common.delete'), danger: true, testId: 'quota-action-delete',
        onClick: () => confirm.one({ title: t('quotas.deleteTitle', { name: q.name }), body: t('quotas.deleteBody'), run: () => del.mutateAsync(q) }) },
    ]),
  ];
  const createButton = <Button type="primary" onClick={() => setForm({ open: true })} data-testid="quota-create">{t('quotas.create')}</Button>;

  return (
    <>
      <ListPage id="quotas" title={t('quotas.title')} subtitle={t('quotas.subtitle')} primary={createButton} query={list.query}
        filters={<NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('quotas.searchPlaceholder')} maxLength={255} testId="quotas-search" />}>
        <ListTable id="quotas" list={list} columns={columns} empty={{ title: t('quotas.emptyTitle'), hint: t('quotas.emptyHint'), action: createButton }} emptyFiltered={{ title: t('quotas.emptyFilteredTitle') }} />
      </ListPage>
      {formUsed && (
        <Suspense fallback={null}>
          <QuotaFormModal iid={iid} open={form.open} quota={form.quota} onClose={() => setForm({ open: false })} />
        </Suspense>
      )}
    </>
  );
}
