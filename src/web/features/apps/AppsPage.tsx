// Integration apps: filter bar (state in the URL) → table with server paging, row actions,
// multi-select with a bulk-delete footer → detail drawer; create/edit in a modal.
import { Button, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { APP_NAME_MAX } from '../../../contract/apps';
import { appListQuery, appPermissions, type App } from '../../api/apps';
import { Muted } from '../../components/ui';
import { useShowApiError } from '../../components/ErrorAlert';
import { Time } from '../../components/Time';
import {
  actionsColumn,
  BulkBar,
  ListPage,
  ListTable,
  NameCell,
  NameSearch,
  useConfirm,
  useList,
  useMountedOnce,
  useSelection,
} from '../../components/list';
import { appsSearchSchema, toListParams } from './search';
import { useBulkDeleteApps, useDeleteApp, useUpdateApp } from './hooks';
import { FavoriteToggle } from './FavoriteToggle';
import { RolesTags } from './RolesTags';
import { useResetSecretFlow } from './useResetSecretFlow';

// Form and drawer are loaded on first use: the list page does not need antd Form/Drawer to render.
const AppFormModal = lazy(() => import('./AppFormModal').then((m) => ({ default: m.AppFormModal })));
const AppDrawer = lazy(() => import('./AppDrawer').then((m) => ({ default: m.AppDrawer })));

type FormState = { open: false } | { open: true; app?: App };
const appKey = (a: App) => a.id;

export default function AppsPage() {
  const { t } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const showApiError = useShowApiError();
  const list = useList(appsSearchSchema, (s) => appListQuery(iid, toListParams(s)), { nonFilters: ['app'] });
  const { search, setSearch } = list;
  const selection = useSelection<App>(appKey, iid);
  const confirm = useConfirm();
  const [form, setForm] = useState<FormState>({ open: false });
  const del = useDeleteApp(iid);
  const bulk = useBulkDeleteApps(iid);
  const update = useUpdateApp(iid);
  const secretFlow = useResetSecretFlow(iid);
  // the lazy modal/drawer mount on first use and stay mounted (close animations)
  const formUsed = useMountedOnce(form.open);
  const drawerUsed = useMountedOnce(search.app !== '');

  const confirmDelete = (app: App) =>
    confirm.one({
      title: t('apps.deleteTitle', { name: app.name }),
      body: t('apps.deleteBody'),
      run: () => del.mutateAsync(app),
      success: t('apps.deleted', { name: app.name }),
      onDone: () => {
        selection.remove(app.id);
        if (search.app === app.id) setSearch({ app: '' });
      },
    });

  const confirmBulkDelete = () =>
    confirm.bulk({
      selection,
      nameOf: (a) => a.name,
      keyOf: appKey,
      title: (count) => t('apps.bulkDeleteTitle', { count }),
      body: (names) => t('apps.bulkDeleteBody', { names }),
      execute: bulk.mutateAsync,
      doneText: (ok, failed) => t('apps.bulkDeleteDone', { ok, failed }),
      failuresTitle: t('apps.bulkDeleteFailures'),
      reportTestId: 'bulk-delete',
    });

  const toggleFavorite = (app: App) => update.mutateAsync({ id: app.id, body: { favorite: !app.favorite } }).catch(showApiError);

  const noPerm = (role: string) => t('common.noPermission', { role: t(`apps.role.${role}` as 'apps.role.read') });

  const columns: TableColumnsType<App> = [
    { key: 'favorite', width: 48, render: (_, app) => <FavoriteToggle favorite={app.favorite} onToggle={() => void toggleFavorite(app)} /> },
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (_, app) => <NameCell name={app.name} id={app.id} param="app" onOpen={(id) => setSearch({ app: id })} testId="app-name-link" />,
    },
    { title: t('common.remark'), dataIndex: 'remark', ellipsis: true, render: (v: string) => v || <Muted>{t('common.none')}</Muted> },
    { title: t('apps.roles'), dataIndex: 'roles', width: 220, render: (_, app) => <RolesTags roles={app.roles} /> },
    { title: t('common.updated'), dataIndex: 'updatedAt', width: 170, render: (v: number | undefined) => <Time value={v} mode="relative" /> },
    actionsColumn(t('common.actions'), (app) => {
      const p = appPermissions(app);
      const modifyBlocked = p.modify ? undefined : noPerm('modify');
      return [
        { key: 'edit', label: t('common.edit'), blockedReason: modifyBlocked, onClick: () => setForm({ open: true, app }), testId: 'app-action-edit' },
        { key: 'secret', label: t('apps.resetSecret'), blockedReason: modifyBlocked, onClick: () => secretFlow.start(app), testId: 'app-action-reset-secret' },
        {
          key: 'delete',
          label: t('common.delete'),
          danger: true,
          blockedReason: p.delete ? undefined : noPerm('delete'),
          onClick: () => confirmDelete(app),
          testId: 'app-action-delete',
        },
      ];
    }),
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="app-create">
      {t('apps.create')}
    </Button>
  );

  return (
    <>
      <ListPage
        id="apps"
        title={t('apps.title')}
        subtitle={t('apps.subtitle')}
        primary={createButton}
        query={list.query}
        filters={
          <>
            <NameSearch
              value={search.name}
              onSearch={(name) => list.setFilters({ name })}
              placeholder={t('apps.searchPlaceholder')}
              maxLength={APP_NAME_MAX}
              testId="apps-search"
            />
            <Select
              style={{ width: 180 }}
              aria-label={t('apps.favoriteFilter')}
              value={search.favorite}
              onChange={(favorite) => list.setFilters({ favorite })}
              data-testid="apps-favorite-filter"
              options={[
                { value: 'all', label: t('apps.filterAll') },
                { value: 'yes', label: t('apps.filterFavorite') },
                { value: 'no', label: t('apps.filterNotFavorite') },
              ]}
            />
          </>
        }
      >
        <ListTable
          id="apps"
          list={list}
          columns={columns}
          selection={selection}
          selectBlocked={(app) => (appPermissions(app).delete ? undefined : t('apps.selectNotAllowed'))}
          empty={{ title: t('apps.emptyTitle'), hint: t('apps.emptyHint'), action: createButton }}
          emptyFiltered={{ title: t('apps.emptyFilteredTitle'), hint: t('apps.emptyFilteredHint') }}
        />
        <BulkBar selection={selection} testId="apps-bulk-bar">
          <Button danger type="primary" loading={bulk.isPending} onClick={confirmBulkDelete} data-testid="apps-bulk-delete">
            {t('apps.bulkDelete')}
          </Button>
        </BulkBar>
      </ListPage>
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
