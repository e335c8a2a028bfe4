// Device groups: the tree of one integration app (app in the URL) on the left, the selected
// group's devices on the right (add, remove). Group create/edit in a modal; delete confirms by name.
import { Button, Col, Flex, Row } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { groupTreeQuery, type GroupTreeNode } from '../../../api/link';
import { EmptyState } from '../../../components/EmptyState';
// not the list kit's index: it would bring antd Table into this table-less page
import { useConfirm } from '../../../components/list/confirm';
import { useMountedOnce } from '../../../components/list/useMountedOnce';
import { PageHeader } from '../../../components/PageHeader';
import { Panel, PanelTitle } from '../../../components/Panel';
import { QueryView, RefreshButton } from '../../../components/QueryView';
import { useSearchState } from '../../../components/searchState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { AppPicker } from '../shared/Pickers';
import { useDeleteGroup } from '../shared/hooks';
import type { GroupFormTarget } from './GroupFormModal';

// tree, devices pane and form are chunks of their own, fetched when first needed (an app picked,
// a group selected, the form opened): the page's first paint needs only the picker
const GroupTree = lazy(() => import('./GroupTree').then((m) => ({ default: m.GroupTree })));
const GroupDevices = lazy(() => import('./GroupDevices').then((m) => ({ default: m.GroupDevices })));
const GroupFormModal = lazy(() => import('./GroupFormModal').then((m) => ({ default: m.GroupFormModal })));

const schema = z.object({ app: z.string().max(64).catch(''), group: z.string().regex(/^\d{1,10}$/).catch('') });

function find(nodes: GroupTreeNode[], id: string): GroupTreeNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const c = find(n.children, id);
    if (c) return c;
  }
  return undefined;
}

export default function GroupsPage() {
  const { t } = useTranslation('link');
  const { instanceId: iid = '' } = useParams();
  const [search, setSearch] = useSearchState(schema);
  const q = useQuery(groupTreeQuery(iid, search.app));
  const [form, setForm] = useState<GroupFormTarget>();
  const confirm = useConfirm();
  const del = useDeleteGroup(iid);
  const selected = q.data ? find(q.data, search.group) : undefined;
  const formUsed = useMountedOnce(form !== undefined);

  const create = (
    <Button type="primary" icon={<PlusOutlined />} disabled={!search.app} onClick={() => setForm({ appId: search.app, parent: selected })} data-testid="group-create">
      {selected ? t('groups.createChild', { name: selected.name }) : t('groups.create')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('groups.title')} subtitle={t('groups.subtitle')} extra={create} />
      <Flex gap={12} style={{ marginBottom: 16 }} align="center">
        <AppPicker iid={iid} value={search.app} onChange={(app) => setSearch({ app: app ?? '', group: '' })} style={{ width: 260 }} testId="groups-app" />
        {search.app ? <RefreshButton query={q} testId="groups-refresh" /> : null}
      </Flex>
      {!search.app ? (
        <Panel><EmptyState title={t('groups.pickAppTitle')} hint={t('groups.pickAppHint')} /></Panel>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Panel testId="groups-tree">
              <PanelTitle>{t('groups.tree')}</PanelTitle>
              <QueryView query={q} rows={5}>
                {(nodes) =>
                  nodes.length === 0 ? (
                    <EmptyState title={t('groups.emptyTitle')} hint={t('groups.emptyHint')} action={create} />
                  ) : (
                    <Suspense fallback={<TableSkeleton rows={5} />}>
                      <GroupTree nodes={nodes} selected={search.group} onSelect={(group) => setSearch({ group })} />
                    </Suspense>
                  )
                }
              </QueryView>
            </Panel>
          </Col>
          <Col xs={24} lg={16}>
            <Panel>
              {selected ? (
                <Suspense fallback={<TableSkeleton rows={5} />}>
                  <GroupDevices
                    iid={iid}
                    appId={search.app}
                    group={selected}
                    onEdit={(g) => setForm({ appId: search.app, group: g })}
                    onDelete={() =>
                      confirm.one({
                        title: t('groups.deleteTitle', { name: selected.name }),
                        body: t('groups.deleteBody'),
                        run: () => del.mutateAsync(selected),
                        success: t('groups.deleted', { name: selected.name }),
                        onDone: () => setSearch({ group: '' }),
                      })
                    }
                  />
                </Suspense>
              ) : (
                <EmptyState title={t('groups.pickGroupTitle')} hint={t('groups.pickGroupHint')} />
              )}
            </Panel>
          </Col>
        </Row>
      )}
      {formUsed ? (
        <Suspense fallback={null}>
          <GroupFormModal iid={iid} target={form} onClose={(id) => (setForm(undefined), id ? setSearch({ group: id }) : undefined)} />
        </Suspense>
      ) : null}
    </>
  );
}
