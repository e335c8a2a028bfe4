// Integration apps: filter bar (state in the URL) → table with server paging, row actions,
// multi-select with a bulk-delete footer → detail drawer; create/edit in a modal.
import { Button, Flex, Select, Space, Table, Tooltip } from 'antd';
import { ActionButton, Muted, Strong } from '../../components/ui';
import { feedback } from '../../components/feedback';
import type { TableColumnsType } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import StarFilled from '@ant-design/icons/es/icons/StarFilled';
import StarOutlined from '@ant-design/icons/es/icons/StarOutlined';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { APP_NAME_MAX } from '../../../contract';
import { appListQuery, appPermissions, type App } from '../../api/apps';
import { toApiError } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { EmptyState } from '../../components/EmptyState';
import { useShowApiError } from '../../components/ErrorAlert';
import { ErrorDetails } from '../../components/ErrorDetails';
import { apiErrorText } from '../../components/apiErrorText';
import { FilterBar, NameSearch } from '../../components/FilterBar';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { CopyableId } from '../../components/CopyableId';
import { pagedTablePagination, useSearchState } from '../../components/searchState';
import { appsSearchSchema, toListParams } from './search';
import { useBulkDeleteApps, useDeleteApp, useUpdateApp } from './hooks';
import { RolesTags } from './RolesTags';
import { useResetSecretFlow } from './useResetSecretFlow';

// Form and drawer are loaded on first use: the list page does not need antd Form/Drawer to render.
const AppFormModal = lazy(() => import('./AppFormModal').then((m) => ({ default: m.AppFormModal })));
const AppDrawer = lazy(() => import('./AppDrawer').then((m) => ({ default: m.AppDrawer })));

type FormState = { open: false } | { open: true; app?: App };

export default function AppsPage() {
  const { t } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const showApiError = useShowApiError();
  const [search, setSearch] = useSearchState(appsSearchSchema);
  const params = toListParams(search);
  const q = useQuery(appListQuery(iid, params));
  const [form, setForm] = useState<FormState>({ open: false });
  const [selected, setSelected] = useState<Map<string, App>>(new Map());
  const del = useDeleteApp(iid);
  const bulk = useBulkDeleteApps(iid);
  const update = useUpdateApp(iid);
  const secretFlow = useResetSecretFlow(iid);
  // mount the lazy modal/drawer on first use and keep them mounted (close animations)
  const [formUsed, setFormUsed] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(search.app !== '');
  useEffect(() => {
    if (form.open) setFormUsed(true);
  }, [form.open]);
  useEffect(() => {
    if (search.app !== '') setDrawerUsed(true);
  }, [search.app]);

  // switching instance: selection belongs to the old one
  useEffect(() => setSelected(new Map()), [iid]);
  // a hand-edited offset past the end: go to the last page
  const total = q.data?.total ?? 0;
  const pageEmpty = q.data !== undefined && q.data.items.length === 0 && !q.isPlaceholderData;
  useEffect(() => {
    if (pageEmpty && search.offset > 0 && total > 0) {
      setSearch({ offset: Math.floor((total - 1) / search.limit) * search.limit }, { replace: true });
    }
  }, [pageEmpty, search.offset, search.limit, total, setSearch]);

  const filtered = search.name !== '' || search.favorite !== 'all';

  const confirmDelete = (app: App) => {
    feedback.confirm({
      title: t('apps.deleteTitle', { name: app.name }),
      content: t('apps.deleteBody'),
      okText: t('common.delete'),
      danger: true,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await del.mutateAsync(app);
          feedback.success(t('apps.deleted', { name: app.name }));
          setSelected((s) => {
            const n = new Map(s);
            n.delete(app.id);
            return n;
          });
          if (search.app === app.id) setSearch({ app: '' });
        } catch (err) {
          showApiError(err);
        }
      },
    });
  };

  const confirmBulkDelete = () => {
    const apps = [...selected.values()];
    feedback.confirm({
      title: t('apps.bulkDeleteTitle', { count: apps.length }),
      content: t('apps.bulkDeleteBody', { names: apps.map((a) => `“${a.name}”`).join(', ') }),
      okText: t('common.delete'),
      danger: true,
      cancelText: t('common.cancel'),
      onOk: async () => {
        const results = await bulk.mutateAsync(apps);
        const failed = results.filter((r) => r.error !== undefined);
        setSelected(new Map(failed.map((r) => [r.app.id, r.app as App])));
        if (failed.length === 0) {
          feedback.success(t('apps.bulkDeleteDone', { ok: results.length, failed: 0 }));
          return;
        }
        feedback.error({
          title: t('apps.bulkDeleteFailures'),
          width: 560,
          content: (
            <div data-testid="bulk-delete-report">
              <p>{t('apps.bulkDeleteDone', { ok: results.length - failed.length, failed: failed.length })}</p>
              <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                {failed.map((r) => {
                  const { error, text } = apiErrorText(r.error, t);
                  return (
                    <li key={r.app.id} style={{ marginBottom: 8 }} data-testid="bulk-delete-failure">
                      <Strong>{r.app.name}</Strong>
                      <ErrorDetails error={error} text={text} />
                    </li>
                  );
                })}
              </ul>
            </div>
          ),
        });
      },
    });
  };

  const toggleFavorite = async (app: App) => {
    try {
      await update.mutateAsync({ id: app.id, body: { favorite: !app.favorite } });
    } catch (err) {
      showApiError(toApiError(err));
    }
  };

  const noPerm = (role: string) => t('common.noPermission', { role: t(`apps.role.${role}` as 'apps.role.read') });

  const columns: TableColumnsType<App> = [
    {
      key: 'favorite',
      width: 48,
      render: (_, app) => (
        <Tooltip title={app.favorite ? t('apps.unfavorite') : t('apps.favorite')}>
          <Button
            type="text"
            size="small"
            data-testid="app-favorite-toggle"
            aria-pressed={app.favorite}
            aria-label={app.favorite ? t('apps.unfavorite') : t('apps.favorite')}
            icon={app.favorite ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
            onClick={() => void toggleFavorite(app)}
          />
        </Tooltip>
      ),
    },
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (_, app) => (
        <div>
          <a
            href={`?${new URLSearchParams({ app: app.id }).toString()}`}
            data-testid="app-name-link"
            onClick={(e) => {
              e.preventDefault();
              setSearch({ app: app.id });
            }}
          >
            {app.name}
          </a>
          <div>
            <CopyableId id={app.id} ellipsis />
          </div>
        </div>
      ),
    },
    {
      title: t('common.remark'),
      dataIndex: 'remark',
      ellipsis: true,
      render: (v: string) => v || <Muted>{t('common.none')}</Muted>,
    },
    { title: t('apps.roles'), dataIndex: 'roles', width: 220, render: (_, app) => <RolesTags roles={app.roles} /> },
    { title: t('common.updated'), dataIndex: 'updatedAt', width: 170, render: (v: number | undefined) => <Time value={v} mode="relative" /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_, app) => {
        const p = appPermissions(app);
        return (
          <Space size={0} wrap>
            <ActionButton
              type="link"
              size="small"
              blockedReason={p.modify ? undefined : noPerm('modify')}
              onClick={() => setForm({ open: true, app })}
              data-testid="app-action-edit"
            >
              {t('common.edit')}
            </ActionButton>
            <ActionButton
              type="link"
              size="small"
              blockedReason={p.modify ? undefined : noPerm('modify')}
              onClick={() => secretFlow.start(app)}
              data-testid="app-action-reset-secret"
            >
              {t('apps.resetSecret')}
            </ActionButton>
            <ActionButton
              type="link"
              size="small"
              danger
              blockedReason={p.delete ? undefined : noPerm('delete')}
              onMouseEnter={feedback.preload}
              onClick={() => confirmDelete(app)}
              data-testid="app-action-delete"
            >
              {t('common.delete')}
            </ActionButton>
          </Space>
        );
      },
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="app-create">
      {t('apps.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('apps.title')} subtitle={t('apps.subtitle')} extra={createButton} />
      <Panel>
        <FilterBar query={q} refreshTestId="apps-refresh" testId="apps-filter-bar">
          <NameSearch
            value={search.name}
            onSearch={(name) => setSearch({ name, offset: 0 })}
            placeholder={t('apps.searchPlaceholder')}
            maxLength={APP_NAME_MAX}
            testId="apps-search"
          />
          <Select
            style={{ width: 180 }}
            aria-label={t('apps.favoriteFilter')}
            value={search.favorite}
            onChange={(v) => setSearch({ favorite: v, offset: 0 })}
            data-testid="apps-favorite-filter"
            options={[
              { value: 'all', label: t('apps.filterAll') },
              { value: 'yes', label: t('apps.filterFavorite') },
              { value: 'no', label: t('apps.filterNotFavorite') },
            ]}
          />
        </FilterBar>
        <QueryView query={q}>
          {(data) => (
            <Table<App>
              rowKey="id"
              data-testid="apps-table"
              columns={columns}
              dataSource={data.items}
              loading={q.isFetching && q.isPlaceholderData}
              scroll={{ x: 900 }}
              rowSelection={{
                selectedRowKeys: [...selected.keys()],
                preserveSelectedRowKeys: true,
                getCheckboxProps: (app) => ({
                  disabled: !appPermissions(app).delete,
                  title: appPermissions(app).delete ? undefined : t('apps.selectNotAllowed'),
                }),
                onChange: (keys, rows) => {
                  setSelected((prev) => {
                    const next = new Map<string, App>();
                    for (const k of keys) {
                      const id = String(k);
                      const row = rows.find((r) => r?.id === id) ?? prev.get(id);
                      if (row) next.set(id, row);
                    }
                    return next;
                  });
                },
              }}
              pagination={pagedTablePagination(search, data.total, setSearch, t)}
              locale={{
                emptyText: filtered ? (
                  <EmptyState
                    title={t('apps.emptyFilteredTitle')}
                    hint={t('apps.emptyFilteredHint')}
                    action={
                      <Button onClick={() => setSearch({ name: '', favorite: 'all', offset: 0 })} data-testid="apps-clear-filters">
                        {t('apps.clearFilters')}
                      </Button>
                    }
                  />
                ) : (
                  <EmptyState title={t('apps.emptyTitle')} hint={t('apps.emptyHint')} action={createButton} />
                ),
              }}
            />
          )}
        </QueryView>
        {selected.size > 0 ? (
          <Flex
            align="center"
            gap={12}
            data-testid="apps-bulk-bar"
            style={{
              position: 'sticky',
              bottom: 0,
              marginTop: 12,
              padding: '10px 16px',
              borderRadius: 8,
              background: 'var(--ant-color-bg-elevated, #fff)',
              boxShadow: '0 -2px 8px rgba(0,0,0,0.12)',
              zIndex: 5,
            }}
          >
            <Strong>{t('common.selected', { count: selected.size })}</Strong>
            <Button size="small" onClick={() => setSelected(new Map())}>
              {t('common.clearSelection')}
            </Button>
            <div style={{ flex: 1 }} />
            <Button danger type="primary" loading={bulk.isPending} onClick={confirmBulkDelete} data-testid="apps-bulk-delete">
              {t('apps.bulkDelete')}
            </Button>
          </Flex>
        ) : null}
      </Panel>
      {formUsed ? (
        <Suspense fallback={null}>
          <AppFormModal iid={iid} open={form.open} app={form.open ? form.app : undefined} onClose={() => setForm({ open: false })} />
        </Suspense>
      ) : null}
      {drawerUsed ? (
        <Suspense fallback={null}>
          <AppDrawer
            iid={iid}
            appId={search.app}
            onClose={() => setSearch({ app: '' })}
            onEdit={(app) => setForm({ open: true, app })}
            onResetSecret={(app) => secretFlow.start(app)}
          />
        </Suspense>
      ) : null}
      {secretFlow.element}
    </>
  );
}
