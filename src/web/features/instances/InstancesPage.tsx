import { Table } from 'antd';
import { Muted } from '../../components/ui';
import { Panel } from '../../components/Panel';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { instanceListQuery, type Instance } from '../../api/instances';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { Time } from '../../components/Time';
import { CopyableId } from '../../components/CopyableId';
import { EmptyState } from '../../components/EmptyState';
import { QueryView, RefreshButton } from '../../components/QueryView';

export default function InstancesPage() {
  const { t } = useTranslation();
  const q = useQuery(instanceListQuery());

  const columns: TableColumnsType<Instance> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (_, r) => (
        <div>
          <Link to={`/i/${encodeURIComponent(r.id)}/overview`} data-testid="instance-link">
            {r.name}
          </Link>
          <div>
            <CopyableId id={r.id} ellipsis />
          </div>
        </div>
      ),
    },
    { title: t('common.status'), dataIndex: 'status', width: 140, render: (_, r) => <StatusTag status={r.status} raw={r.rawStatus} /> },
    { title: t('instances.spec'), dataIndex: 'spec', render: (v: string | undefined) => v ?? t('common.none') },
    { title: t('common.created'), dataIndex: 'createdAt', width: 200, render: (v: number | undefined) => <Time value={v} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) => (
        <Link to={`/i/${encodeURIComponent(r.id)}/apps`} data-testid="instance-open">
          {t('instances.open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('instances.title')}
        subtitle={t('instances.subtitle')}
        extra={<RefreshButton query={q} testId="instances-refresh" withText />}
      />
      <Panel>
        <QueryView query={q}>
          {(data) => (
            <Table<Instance>
              rowKey="id"
              data-testid="instances-table"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              locale={{
                emptyText: <EmptyState title={t('instances.emptyTitle')} hint={t('instances.emptyHint')} />,
              }}
              footer={() => <Muted>{t('common.total', { total: data.total })}</Muted>}
            />
          )}
        </QueryView>
      </Panel>
    </>
  );
}
