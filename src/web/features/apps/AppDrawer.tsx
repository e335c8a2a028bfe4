// App detail drawer: ids with copy, key, masked secret, times, roles, members.
import { Button, Descriptions, Divider, Drawer, Empty, Flex, Select, Table, Tabs, Tooltip, Typography } from 'antd';
import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import EditOutlined from '@ant-design/icons/es/icons/EditOutlined';
import KeyOutlined from '@ant-design/icons/es/icons/KeyOutlined';
import { feedback } from '../../components/feedback';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_ROLES } from '../../../contract/common';
import {
  appCandidatesQuery,
  appDetailQuery,
  appMembersQuery,
  appPermissions,
  type App,
  type AppMember,
  type AppRole,
} from '../../api/apps';
import { CopyableId } from '../../components/CopyableId';
import { ErrorAlert, useShowApiError } from '../../components/ErrorAlert';
import { QueryView } from '../../components/QueryView';
import { TableSkeleton } from '../../components/TableSkeleton';
import { ActionButton } from '../../components/ui';
import { Time } from '../../components/Time';
import { RolesTags } from './RolesTags';
import { useUpdateMembers } from './hooks';

/** The app's APIC side (AppCodes, authorised APIs): its own chunk, fetched when the tab opens. */
const AppApicTab = lazy(() => import('./AppApicTab'));

export function AppDrawer({
  iid,
  appId,
  onClose,
  onEdit,
  onResetSecret,
}: {
  iid: string;
  appId: string;
  onClose: () => void;
  onEdit: (app: App) => void;
  onResetSecret: (app: App) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({ ...appDetailQuery(iid, appId), enabled: appId !== '' });
  const app = q.data;
  const none = t('common.none');
  const noModify = app && !appPermissions(app).modify ? t('common.noPermission', { role: t('apps.role.modify') }) : undefined;

  return (
    <Drawer
      open={appId !== ''}
      onClose={onClose}
      size={640}
      title={app ? t('apps.drawerTitle', { name: app.name }) : t('common.details')}
      data-testid="app-drawer"
      extra={
        app ? (
          <ActionButton icon={<EditOutlined />} blockedReason={noModify} onClick={() => onEdit(app)} data-testid="drawer-edit">
            {t('common.edit')}
          </ActionButton>
        ) : null
      }
    >
      <QueryView query={q} rows={8}>
        {(app) => (
          <Tabs destroyOnHidden={false} items={[{ key: 'details', label: t('common.details'), children: <>
            <Descriptions column={1} size="small" bordered data-testid="app-details">
              <Descriptions.Item label={t('common.name')}>{app.name}</Descriptions.Item>
              <Descriptions.Item label={t('common.id')}>
                <CopyableId id={app.id} testId="app-detail-id" />
              </Descriptions.Item>
              <Descriptions.Item label={t('apps.key')}>{app.key ? <CopyableId id={app.key} label={t('apps.key')} testId="app-detail-key" /> : none}</Descriptions.Item>
              <Descriptions.Item label={t('apps.secret')}>
                <Flex align="center" gap={8} wrap>
                  <Typography.Text code data-testid="app-detail-secret">
                    ••••••••••••
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('apps.secretMasked')}
                  </Typography.Text>
                  <ActionButton size="small" icon={<KeyOutlined />} blockedReason={noModify} onClick={() => onResetSecret(app)} data-testid="drawer-reset-secret">
                    {t('apps.resetSecret')}
                  </ActionButton>
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('common.remark')}>{app.remark || none}</Descriptions.Item>
              <Descriptions.Item label={t('apps.roles')}>
                <RolesTags roles={app.roles} />
              </Descriptions.Item>
              <Descriptions.Item label={t('apps.owner')}>{app.owner ? t('apps.ownedByMe') : t('apps.sharedWithMe')}</Descriptions.Item>
              <Descriptions.Item label={t('common.created')}>
                <Time value={app.createdAt} /> {app.createdBy ? <Typography.Text type="secondary">· {app.createdBy}</Typography.Text> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.updated')}>
                <Time value={app.updatedAt} /> {app.updatedBy ? <Typography.Text type="secondary">· {app.updatedBy}</Typography.Text> : null}
              </Descriptions.Item>
            </Descriptions>
            <Divider titlePlacement="start">{t('apps.members')}</Divider>
            <Members iid={iid} app={app} canEdit={appPermissions(app).access} />
          </> }, { key: 'apic', label: <span data-testid="app-tab-apic">{t('nav.apis')}</span>, children: (
            <Suspense fallback={<TableSkeleton rows={4} />}><AppApicTab iid={iid} appId={app.id} canModify={appPermissions(app).modify} /></Suspense>
          ) }]} />
        )}
      </QueryView>
    </Drawer>
  );
}

function Members({ iid, app, canEdit }: { iid: string; app: App; canEdit: boolean }) {
  const { t } = useTranslation();
  const showApiError = useShowApiError();
  const members = useQuery(appMembersQuery(iid, app.id));
  const candidates = useQuery({ ...appCandidatesQuery(iid, app.id), enabled: canEdit });
  const save = useUpdateMembers(iid, app.id);
  const [draft, setDraft] = useState<AppMember[]>();
  const [toAdd, setToAdd] = useState<string>();

  useEffect(() => {
    if (members.data) setDraft(members.data);
  }, [members.data]);

  if (members.isPending) return <TableSkeleton rows={3} />;
  if (members.isError) return <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />;
  const rows = draft ?? members.data;
  const dirty = JSON.stringify(rows) !== JSON.stringify(members.data);
  const addable = (candidates.data ?? []).filter((c) => !rows.some((m) => m.id === c.id));

  const setRoles = (id: string, roles: AppRole[]) =>
    setDraft(rows.map((m) => (m.id === id ? { ...m, roles: roles.length ? roles : ['read'] } : m)));

  const submit = async () => {
    try {
      await save.mutateAsync({ users: rows.map((m) => ({ id: m.id, roles: m.roles })) });
      feedback.success(t('apps.membersSaved'));
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <div data-testid="app-members">
      <Typography.Paragraph type="secondary">{t('apps.membersHint')}</Typography.Paragraph>
      {canEdit ? (
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select
            style={{ flex: 1 }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('apps.addMemberPlaceholder')}
            value={toAdd}
            onChange={setToAdd}
            loading={candidates.isPending}
            notFoundContent={t('apps.noCandidates')}
            options={addable.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="member-candidate-select"
          />
          <Button
            disabled={!toAdd}
            data-testid="member-add"
            onClick={() => {
              const c = addable.find((x) => x.id === toAdd);
              if (c) setDraft([...rows, { id: c.id, name: c.name, roles: ['read'] }]);
              setToAdd(undefined);
            }}
          >
            {t('apps.addMember')}
          </Button>
        </Flex>
      ) : null}
      <Table<AppMember>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.noMembers')} /> }}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          {
            title: t('apps.memberRoles'),
            key: 'roles',
            render: (_, m) =>
              canEdit ? (
                <Select<AppRole[]>
                  mode="multiple"
                  size="small"
                  style={{ minWidth: 240 }}
                  value={m.roles}
                  onChange={(v) => setRoles(m.id, v)}
                  options={APP_ROLES.map((r) => ({ value: r, label: t(`apps.role.${r}`) }))}
                  data-testid="member-roles"
                />
              ) : (
                <RolesTags roles={m.roles} />
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, m: AppMember) => (
                    <Tooltip title={t('apps.removeMember')}>
                      <Button
                        type="text"
                        danger
                        size="small"
                        aria-label={t('apps.removeMember')}
                        icon={<DeleteOutlined />}
                        onClick={() => setDraft(rows.filter((x) => x.id !== m.id))}
                      />
                    </Tooltip>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit ? (
        <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
          <Button disabled={!dirty} onClick={() => setDraft(members.data)}>
            {t('common.reset')}
          </Button>
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => void submit()} data-testid="members-save">
            {t('apps.saveMembers')}
          </Button>
        </Flex>
      ) : null}
    </div>
  );
}
