// Data sources: filter by name and type (URL) → table with server paging → create/edit in a
// modal (fields per type, test connection in place) → delete with a confirmation naming it.
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { datasourceListQuery, offeredTypesQuery, type Datasource } from '../../../api/fdi';
import { actionsColumn, ListPage, ListTable, NameSearch, pagedSearchFields, useConfirm, useList, useMountedOnce } from '../../../components/list';
import { CopyableId } from '../../../components/CopyableId';
import { Time } from '../../../components/Time';
import { Code, Muted, Tag } from '../../../components/ui';
import { useDeleteDatasource } from '../hooks';
import { addressOf } from './fields';

const DatasourceFormModal = lazy(() => import('./DatasourceFormModal').then((m) => ({ default: m.DatasourceFormModal })));

const schema = z.object({ ...pagedSearchFields(255), type: z.string().max(32).regex(/^[A-Z0-9]*$/).catch('') });
type FormState = { open: false } | { open: true; ds?: Datasource };

export default function DatasourcesPage() {
  const { t } = useTranslation('fdi');
  const { instanceId: iid = '' } = useParams();
  const list = useList(schema, (s) => datasourceListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined, datasource_type: s.type || undefined }));
  const types = useQuery(offeredTypesQuery(iid));
  const confirm = useConfirm();
  const del = useDeleteDatasource(iid);
  const [form, setForm] = useState<FormState>({ open: false });
  const formUsed = useMountedOnce(form.open);

  const columns: TableColumnsType<Datasource> = [
    {
      title: t('ds.name'),
      key: 'name',
      width: 260,
      render: (_, d) => (
        <div>
          <span data-testid="ds-row-name">{d.name}</span>
          <div><CopyableId id={d.id} ellipsis /></div>
        </div>
      ),
    },
    { title: t('ds.type'), dataIndex: 'type', width: 130, render: (v: string) => <Tag tone="geekblue">{v}</Tag> },
    { title: t('ds.address'), key: 'address', width: 240, ellipsis: true, render: (_, d) => <Code>{addressOf(d.type, d.content) || '—'}</Code> },
    { title: t('ds.app'), dataIndex: 'appName', width: 160, render: (v: string) => v || <Muted>—</Muted> },
    { title: t('ds.description'), dataIndex: 'description', ellipsis: true },
    { title: '', dataIndex: 'updatedAt', width: 150, render: (v?: number) => <Time value={v} mode="relative" /> },
    actionsColumn('', (d) => [
      { key: 'edit', label: t('ds.edit'), onClick: () => setForm({ open: true, ds: d }), testId: 'ds-action-edit' },
      {
        key: 'delete', label: t('tasks.delete'), danger: true, testId: 'ds-action-delete',
        onClick: () => confirm.one({ title: t('ds.deleteTitle', { name: d.name }), body: t('ds.deleteBody'), run: () => del.mutateAsync(d), success: t('ds.deleted', { name: d.name }) }),
      },
    ], 150),
  ];
  const create = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="ds-create">
      {t('ds.create')}
    </Button>
  );
  return (
    <>
      <ListPage
        id="datasources"
        title={t('ds.title')}
        subtitle={t('ds.subtitle')}
        primary={create}
        query={list.query}
        filters={
          <>
            <NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('ds.searchPlaceholder')} maxLength={255} testId="ds-search" />
            <Select
              style={{ width: 180 }}
              aria-label={t('ds.type')}
              value={list.search.type}
              onChange={(type: string) => list.setFilters({ type })}
              data-testid="ds-type-filter"
              options={[{ value: '', label: t('ds.allTypes') }, ...(types.data ?? []).map((o) => ({ value: o.type, label: o.type }))]}
            />
          </>
        }
      >
        <ListTable list={list} id="datasources" columns={columns} empty={{ title: t('ds.emptyTitle'), hint: t('ds.emptyHint'), action: create }} emptyFiltered={{ title: t('ds.emptyFiltered') }} />
      </ListPage>
      {formUsed ? (
        <Suspense fallback={null}>
          <DatasourceFormModal iid={iid} open={form.open} ds={form.open ? form.ds : undefined} onClose={() => setForm({ open: false })} />
        </Suspense>
      ) : null}
    </>
  );
}
