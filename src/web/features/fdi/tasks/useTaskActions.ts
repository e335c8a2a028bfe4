// Row and bulk actions of the task list. Start/stop go through the batch endpoint (the API has
// no single-task start); its per-task answer becomes per-item results for the bulk report.
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../api/fdi';
import { ApiError } from '../../../api/errors';
import { isActive } from '../../../api/fdiRuns';
import { useConfirm, type BulkResult, type RowAction, type Selection } from '../../../components/list';
import { feedback } from '../../../components/feedback';
import { useShowApiError } from '../../../components/ErrorAlert';
import { useBatchTasks, useDeleteTask, useRunTask, useTerminateTask } from '../hooks';

export function useTaskActions(iid: string, selection: Selection<TaskSummary>, open: (path: string) => void) {
  const { t } = useTranslation('fdi');
  const confirm = useConfirm();
  const showError = useShowApiError();
  const batch = useBatchTasks(iid);
  const run = useRunTask(iid);
  const terminate = useTerminateTask(iid);
  const del = useDeleteTask(iid);

  const batchResults = async (action: 'start' | 'stop', items: TaskSummary[]): Promise<BulkResult<TaskSummary>[]> => {
    const r = await batch.mutateAsync({ action, ids: items.map((x) => x.id) });
    const failed = new Map(r.failure.map((f) => [f.task_id, f]));
    return items.map((item) => {
      const f = failed.get(item.id);
      return f ? { item, error: new ApiError({ status: 400, code: f.error_code ?? 'FDI', message: f.error_msg ?? '' }) } : { item };
    });
  };
  const startStop = async (action: 'start' | 'stop', task: TaskSummary) => {
    try {
      const [r] = await batchResults(action, [task]);
      if (r?.error) throw r.error;
      feedback.success(t(action === 'start' ? 'tasks.startedOne' : 'tasks.stoppedOne', { name: task.name }));
    } catch (err) {
      showError(err);
    }
  };

  const rowActions = (x: TaskSummary): RowAction[] => {
    const active = isActive(x.executeStatus);
    return [
      x.started
        ? { key: 'stop', label: t('tasks.stop'), onClick: () => void startStop('stop', x), testId: 'task-action-stop' }
        : { key: 'start', label: t('tasks.start'), onClick: () => void startStop('start', x), testId: 'task-action-start' },
      {
        key: 'run', label: t('tasks.run'), testId: 'task-action-run', blockedReason: active ? t('execStatus.RUNNING') : undefined,
        onClick: () => run.mutate(x.id, { onSuccess: () => { feedback.success(t('tasks.runStarted', { name: x.name })); open(`${x.id}/runs`); }, onError: showError }),
      },
      {
        key: 'terminate', label: t('tasks.terminate'), testId: 'task-action-terminate', hidden: !active,
        onClick: () => confirm.one({ title: t('tasks.terminateTitle', { name: x.name }), body: t('tasks.terminateBody'), okText: t('tasks.terminate'), danger: true, run: () => terminate.mutateAsync(x.id), success: t('tasks.terminated', { name: x.name }) }),
      },
      { key: 'runs', label: t('tasks.monitor'), onClick: () => open(`${x.id}/runs`), testId: 'task-action-runs' },
      { key: 'edit', label: t('tasks.edit'), onClick: () => open(`${x.id}/edit`), blockedReason: x.started ? t('tasks.stopFirst') : undefined, testId: 'task-action-edit' },
      {
        key: 'delete', label: t('tasks.delete'), danger: true, testId: 'task-action-delete', blockedReason: x.started || active ? t('tasks.stopFirst') : undefined,
        onClick: () => confirm.one({ title: t('tasks.deleteTitle', { name: x.name }), body: t('tasks.deleteBody'), run: () => del.mutateAsync(x), success: t('tasks.deleted', { name: x.name }), onDone: () => selection.remove(x.id) }),
      },
    ];
  };

  const bulk = (action: 'start' | 'stop') =>
    confirm.bulk({
      selection,
      nameOf: (x) => x.name,
      keyOf: (x) => x.id,
      title: (count) => t(action === 'start' ? 'tasks.bulkStartTitle' : 'tasks.bulkStopTitle', { count }),
      body: (names) => t('tasks.bulkBody', { names }),
      okText: t(action === 'start' ? 'tasks.bulkStart' : 'tasks.bulkStop'),
      danger: action === 'stop',
      execute: (items) => batchResults(action, items),
      doneText: (ok, failed) => t('tasks.bulkDone', { ok, failed }),
      failuresTitle: t('tasks.bulkFailures'),
      reportTestId: `bulk-${action}`,
    });

  return { rowActions, bulk };
}
