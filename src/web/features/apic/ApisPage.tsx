// APIs: filters in the URL (name, group, method, environment) → table with each API's state in
// every environment; publish / take offline / delete one or many (per-API results).
import { Button, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HTTP_METHODS } from '../../../contract/apic';
import { apiListQuery, envsQuery, groupListQuery, type Api } from '../../api/apic';
import { Code } from '../../components/ui';
import { actionsColumn, BulkBar, ListPage, ListTable, NameSearch, useConfirm, useList, useMountedOnce, useSelection } from '../../components/list';
import { EnvStates } from './EnvStates';
import type { PublishAction } from './PublishDialog';
import { useBulkDeleteApis, useDeleteApi } from './hooks';
import { apisSearchSchema, toApiListParams } from './search';

const ImportDialog = lazy(() => import('./ImportDialog'));
const PublishDialog = lazy(() => import('./PublishDialog').then((m) => ({ default: m.PublishDialog })));
const keyOf = (a: Api) => a.id;

export default function ApisPage() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const list = useList(apisSearchSchema, (s) => apiListQuery(iid, toApiListParams(s)));
  const { search } = list;
  const envs = useQuery(envsQuery(iid)).data?.items ?? [];
  const groups = useQuery(groupListQuery(iid, { offset: 0, limit: 500 })).data?.items ?? [];
  const sel = useSelection<Api>(keyOf, iid);
  const confirm = useConfirm();
  const del = useDeleteApi(iid);
  const bulkDel = useBulkDeleteApis(iid);
  const [publish, setPublish] = useState<{ action: PublishAction; apis: Api[] }>({ action: 'online', apis: [] });
  const [importing, setImporting] = useState(false);
  const importUsed = useMountedOnce(importing);
  const publishUsed = useMountedOnce(publish.apis.length > 0);
  const at = (a: Api) => `/i/${encodeURIComponent(iid)}/apis/${encodeURIComponent(a.id)}`;

  const columns: TableColumnsType<Api> = [
    { title: tc('common.name'), dataIndex: 'name', render: (_, a) => <Link to={at(a)} data-testid="api-name-link">{a.name}</Link> },
    { title: t('apis.group'), dataIndex: 'group_name', render: (_, a) => <Link to={`/i/${encodeURIComponent(iid)}/api-groups/${encodeURIComponent(a.group_id ?? '')}`}>{a.group_name}</Link> },
    { title: t('apis.request'), key: 'req', render: (_, a) => <Code>{`${a.req_method} ${a.req_uri}`}</Code> },
    { title: t('apis.backend'), dataIndex: 'backend_type', width: 100 },
    { title: t('apis.envs'), key: 'envs', render: (_, a) => <EnvStates envs={envs} live={a.live} /> },
    actionsColumn(tc('common.actions'), (a) => [
      { key: 'publish', label: t('apis.publish'), onClick: () => setPublish({ action: 'online', apis: [a] }), testId: 'api-action-publish' },
      { key: 'offline', label: t('apis.offline'), blockedReason: a.live.length ? undefined : t('apis.notLive'), onClick: () => setPublish({ action: 'offline', apis: [a] }), testId: 'api-action-offline' },
      {
        key: 'delete',
        label: tc('common.delete'),
        danger: true,
        onClick: () => confirm.one({ title: t('apis.deleteTitle', { name: a.name }), body: t('apis.deleteBody'), run: () => del.mutateAsync(a), onDone: () => sel.remove(a.id) }),
        testId: 'api-action-delete',
      },
    ]),
  ];

  const create = (
    <>
      <Button onClick={() => setImporting(true)} data-testid="api-import">{t('import.open')}</Button>
      <Link to={`/i/${encodeURIComponent(iid)}/apis/new${search.group ? `?group=${encodeURIComponent(search.group)}` : ''}`}>
        <Button type="primary" data-testid="api-create">{t('apis.create')}</Button>
      </Link>
    </>
  );
  const filterSelect = (key: 'group' | 'method' | 'env', label: string, options: { value: string; label: string }[]) => (
    <Select style={{ width: 170 }} aria-label={label} value={search[key]} onChange={(v: string) => list.setFilters({ [key]: v })} data-testid={`apis-filter-${key}`}
      options={[{ value: '', label }, ...options]} />
  );

  return (
    <>
      <ListPage id="apis" title={t('apis.title')} subtitle={t('apis.subtitle')} primary={create} query={list.query}
        filters={
          <>
            <NameSearch value={search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('apis.searchPlaceholder')} maxLength={255} testId="apis-search" />
            {filterSelect('group', t('apis.allGroups'), groups.map((g) => ({ value: g.id, label: g.name })))}
            {filterSelect('method', t('apis.allMethods'), HTTP_METHODS.map((m) => ({ value: m, label: m })))}
            {filterSelect('env', t('apis.allEnvs'), envs.map((e) => ({ value: e.id, label: t('apis.liveInFilter', { env: e.name }) })))}
          </>
        }>
        <ListTable id="apis" list={list} columns={columns} selection={sel}
          empty={{ title: t('apis.emptyTitle'), hint: t('apis.emptyHint'), action: create }}
          emptyFiltered={{ title: t('apis.emptyFilteredTitle') }} />
        <BulkBar selection={sel} testId="apis-bulk-bar">
          <Button onClick={() => setPublish({ action: 'online', apis: sel.items })} data-testid="apis-bulk-publish">{t('apis.publish')}</Button>
          <Button onClick={() => setPublish({ action: 'offline', apis: sel.items })} data-testid="apis-bulk-offline">{t('apis.offline')}</Button>
          <Button danger type="primary" loading={bulkDel.isPending} data-testid="apis-bulk-delete"
            onClick={() => confirm.bulk({ selection: sel, nameOf: (a) => a.name, keyOf, title: (count) => t('apis.bulkDeleteTitle', { count }), body: (names) => t('apis.bulkDeleteBody', { names }),
              execute: bulkDel.mutateAsync, doneText: (ok, failed) => t('apis.bulkDeleteDone', { ok, failed }), failuresTitle: t('apis.bulkDeleteFailures'), reportTestId: 'apis-bulk-delete' })}>
            {tc('common.delete')}
          </Button>
        </BulkBar>
      </ListPage>
      {publishUsed ? <Suspense fallback={null}><PublishDialog iid={iid} action={publish.action} apis={publish.apis} onClose={() => setPublish({ action: 'online', apis: [] })} /></Suspense> : null}
      {importUsed ? <Suspense fallback={null}><ImportDialog iid={iid} open={importing} onClose={() => setImporting(false)} /></Suspense> : null}
    </>
  );
}
