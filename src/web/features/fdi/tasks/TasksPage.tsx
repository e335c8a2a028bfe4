// Integration tasks: statistics cards → filters (URL) → table with type, state, last run and a
// live progress cell; row actions start/stop, run, terminate, edit, delete; bulk start/stop with
// per-task results. The list polls every second while a run is in progress, slower when not.
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { taskListQuery, type TaskSummary } from '../../../api/fdi';
import { ACTIVE_POLL_MS, IDLE_POLL_MS, isActive, statusPoll, taskMonitorsQuery } from '../../../api/fdiRuns';
import type { Page } from '../../../api/factories';
import { actionsColumn, BulkBar, ListPage, ListTable, NameSearch, pagedSearchFields, useList, useSelection } from '../../../components/list';
import { CopyableId } from '../../../components/CopyableId';
import { Time } from '../../../components/Time';
import { Muted } from '../../../components/ui';
import { ExecTag, StartedTag } from '../components/StatusTags';
import { ProgressCell } from './ProgressCell';
import { TaskStats } from './TaskStats';
import { useTaskActions } from './useTaskActions';

const schema = z.object({
  ...pagedSearchFields(100),
  type: z.enum(['', 'REALTIME', 'TIMING']).catch(''),
  state: z.enum(['', '0', '1']).catch(''),
});
const taskKey = (x: TaskSummary) => x.id;
const anyActive = (d?: Page<TaskSummary>) => (d?.items.some((x) => isActive(x.executeStatus)) ? ACTIVE_POLL_MS : IDLE_POLL_MS);

export default function TasksPage() {
  const { t } = useTranslation('fdi');
  const { instanceId: iid = '' } = useParams();
  const navigate = useNavigate();
  const base = `/i/${encodeURIComponent(iid)}/tasks`;
  const list = useList(schema, (s) => ({
    ...taskListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined, task_type: s.type || undefined, status: s.state || undefined }),
    ...statusPoll(anyActive),
  }));
  // last runs of all tasks in one request (mapped to the rows), not one per row
  const monitors = useQuery(taskMonitorsQuery(iid, { offset: 0, limit: 100 }));
  const lastRun = new Map((monitors.data?.items ?? []).map((m) => [m.id, m]));
  const selection = useSelection<TaskSummary>(taskKey, iid);
  const { rowActions, bulk } = useTaskActions(iid, selection, (p) => void navigate(`${base}/${p}`));

  const columns: TableColumnsType<TaskSummary> = [
    {
      title: t('wizard.name'),
      key: 'name',
      render: (_, x) => (
        <div>
          <Link to={`${base}/${encodeURIComponent(x.id)}/runs`} data-testid="task-name-link">{x.name}</Link>
          <div><CopyableId id={x.id} ellipsis /></div>
        </div>
      ),
    },
    { title: t('tasks.type'), dataIndex: 'type', width: 100, render: (v: TaskSummary['type']) => t(`taskType.${v}`) },
    { title: t('tasks.state'), key: 'state', width: 100, render: (_, x) => <StartedTag started={x.started} /> },
    {
      title: t('tasks.lastRun'),
      key: 'last',
      width: 200,
      render: (_, x) =>
        x.executeStatus === 'UNSTARTED' && !lastRun.get(x.id)?.lastRunAt ? (
          <Muted>{t('tasks.never')}</Muted>
        ) : (
          <div>
            <ExecTag status={x.executeStatus} />
            <div><Time value={lastRun.get(x.id)?.lastRunAt} mode="relative" /></div>
          </div>
        ),
    },
    { title: t('tasks.progress'), key: 'progress', width: 150, render: (_, x) => <ProgressCell iid={iid} taskId={x.id} status={x.executeStatus} /> },
    actionsColumn('', rowActions, 300),
  ];
  const create = (
    <Link to={`${base}/new`}>
      <Button type="primary" icon={<PlusOutlined />} data-testid="task-create">{t('tasks.create')}</Button>
    </Link>
  );
  return (
    <ListPage
      id="tasks"
      title={t('tasks.title')}
      subtitle={t('tasks.subtitle')}
      primary={create}
      query={list.query}
      filters={
        <>
          <NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={t('tasks.searchPlaceholder')} maxLength={100} testId="tasks-search" />
          <Select style={{ width: 150 }} aria-label={t('tasks.type')} value={list.search.type} onChange={(type) => list.setFilters({ type })} data-testid="tasks-type-filter"
            options={[{ value: '', label: t('tasks.allTypes') }, { value: 'TIMING', label: t('taskType.TIMING') }, { value: 'REALTIME', label: t('taskType.REALTIME') }]} />
          <Select style={{ width: 190 }} aria-label={t('tasks.state')} value={list.search.state} onChange={(state) => list.setFilters({ state })} data-testid="tasks-state-filter"
            options={[{ value: '', label: t('tasks.allStates') }, { value: '1', label: t('tasks.started') }, { value: '0', label: t('tasks.stopped') }]} />
        </>
      }
    >
      <TaskStats iid={iid} />
      <ListTable list={list} id="tasks" columns={columns} selection={selection} scrollX={1100} empty={{ title: t('tasks.emptyTitle'), hint: t('tasks.emptyHint'), action: create }} emptyFiltered={{ title: t('tasks.emptyFiltered') }} />
      <BulkBar selection={selection} testId="tasks-bulk-bar">
        <Button onClick={() => bulk('start')} data-testid="tasks-bulk-start">{t('tasks.bulkStart')}</Button>
        <Button danger onClick={() => bulk('stop')} data-testid="tasks-bulk-stop">{t('tasks.bulkStop')}</Button>
      </BulkBar>
    </ListPage>
  );
}
