// Request throttling policies: their limits, bound API count and special settings → the policy's
// own page (bindings per environment, special apps and users); create / edit in a modal loaded on
// first use; delete (bindings and specials go with the policy).
import { Button } from 'antd';
import type { TableColumnsType } from 'antd';
import { z } from 'zod';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { throttleListQuery, type Throttle } from '../../api/apicThrottles';
import { actionsColumn, ListPage, ListTable, NameSearch, pagedSearchFields, useConfirm, useList, useMountedOnce } from '../../components/list';
import { Tag } from '../../components/ui';
import { useDeleteThrottle } from './hooks';
import type { Translate } from './ruleText';
import { perPeriod } from './throttleText';

const ThrottleFormModal = lazy(() => import('./ThrottleFormModal').then((m) => ({ default: m.ThrottleFormModal })));
const searchSchema = z.object({ ...pagedSearchFields(64) });

export default function ThrottlesPage() {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const list = useList(searchSchema, (s) => throttleListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined }));
  const confirm = useConfirm();
  const del = useDeleteThrottle(iid);
  const [form, setForm] = useState<{ open: boolean; throttle?: Throttle }>({ open: false });
  const formUsed = useMountedOnce(form.open);
  const per = (n: number | undefined, th: Throttle) => (n ? perPeriod(n, th, t as Translate) : '–');
  const at = (id: string) => `/i/${encodeURIComponent(iid)}/throttles/${encodeURIComponent(id)}`;

  const columns: TableColumnsType<Throttle> = [
    { title: tc('common.name'), dataIndex: 'name', render: (_, th) => <Link to={at(th.id)} data-testid="throttle-name-link">{th.name}</Link> },
    { title: t('throttles.api'), key: 'api', render: (_, th) => <>{per(th.api_call_limits, th)} {th.type === 2 ? <Tag>{t('throttles.shared')}</Tag> : null}</> },
    { title: t('throttles.user'), key: 'user', render: (_, th) => per(th.user_call_limits, th) },
    { title: t('throttles.app'), key: 'app', render: (_, th) => per(th.app_call_limits, th) },
    { title: t('throttles.ip'), key: 'ip', render: (_, th) => per(th.ip_call_limits, th) },
    { title: t('throttles.bound'), dataIndex: 'bind_num', width: 100 },
    { title: t('throttles.specials'), dataIndex: 'is_inclu_special_throttle', width: 110, render: (v?: number) => (v === 1 ? tc('common.yes') : tc('common.no')) },
    actionsColumn(tc('common.actions'), (th) => [
      { key: 'edit', label: tc('common.edit'), onClick: () => setForm({ open: true, throttle: th }), testId: 'throttle-action-edit' },
      { key: 'delete', label: tc('common.delete'), danger: true, testId: 'throttle-action-delete',
        onClick: () => confirm.one({ title: t('throttles.deleteTitle', { name: th.name }), body: t('throttles.deleteBody'), run: () => del.mutateAsync(th) }) },
    ]),
  ];
  const createButton = <Button type="primary" onClick={() => setForm({ open: true })} data-testid="throttle-create">{t('throttles.create')}</Button>;

  return (
    <>
      <ListPage id="throttles" title={t('throttles.title')} subtitle={t('throttles.subtitle')} primary={createButton} query={list.query}
        filters={<NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('throttles.searchPlaceholder')} maxLength={64} testId="throttles-search" />}>
        <ListTable id="throttles" list={list} columns={columns} empty={{ title: t('throttles.emptyTitle'), hint: t('throttles.emptyHint'), action: createButton }} emptyFiltered={{ title: t('throttles.emptyFilteredTitle') }} />
      </ListPage>
      {formUsed && (
        <Suspense fallback={null}>
          <ThrottleFormModal iid={iid} open={form.open} throttle={form.throttle} onClose={() => setForm({ open: false })} />
        </Suspense>
      )}
    </>
  );
}
