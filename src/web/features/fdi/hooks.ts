// Mutations of the FDI feature. Invalidation stays narrow: this instance's data-source or task
// lists, the one item's detail and, for run actions, that task's runs and the statistics.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTaskRequest, DatasourceInfo, TaskDispatchRequest } from '../../../contract/fdi';
import {
  batchTasks,
  createDatasource,
  createTask,
  datasourceKeys,
  deleteDatasource,
  deleteTask,
  runTask,
  saveDispatch,
  taskKeys,
  terminateTask,
  testDatasource,
  updateDatasource,
  updateTask,
} from '../../api/fdi';
import { useDeleteMutation, useSaveMutation } from '../../api/mutations';

export const useSaveDatasource = (iid: string) =>
  useSaveMutation(datasourceKeys, iid, ({ id, body }: { id?: string; body: DatasourceInfo }) =>
    id ? updateDatasource(iid, id, body) : createDatasource(iid, body),
  );
export const useDeleteDatasource = (iid: string) => useDeleteMutation<{ id: string; name: string }>(datasourceKeys, iid, deleteDatasource);
export const useTestDatasource = (iid: string) =>
  useMutation({ mutationFn: ({ id, body }: { id?: string; body: DatasourceInfo }) => testDatasource(iid, id ?? '', body) });

export const useSaveTask = (iid: string) =>
  useSaveMutation(taskKeys, iid, ({ id, body }: { id?: string; body: CreateTaskRequest }) => (id ? updateTask(iid, id, body) : createTask(iid, body)));
export const useSaveDispatch = (iid: string) =>
  useMutation({
    mutationFn: ({ taskId, dispatchId, body }: { taskId: string; dispatchId?: string; body: TaskDispatchRequest }) => saveDispatch(iid, taskId, dispatchId, body),
  });
export const useDeleteTask = (iid: string) => useDeleteMutation<{ id: string; name: string }>(taskKeys, iid, deleteTask);

/** After anything that changes a task's runs: its runs, the lists (status, last run) and the statistics. */
function useTaskChanged(iid: string) {
  const qc = useQueryClient();
  return (taskIds: readonly string[]) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: taskKeys.lists(iid) }),
      qc.invalidateQueries({ queryKey: [...taskKeys.all(iid), 'statistics'] }),
      qc.invalidateQueries({ queryKey: [...taskKeys.all(iid), 'monitors'] }),
      ...taskIds.map((id) => qc.invalidateQueries({ queryKey: taskKeys.detail(iid, id) })),
    ]);
}

export function useRunTask(iid: string) {
  const changed = useTaskChanged(iid);
  return useMutation({ mutationFn: (id: string) => runTask(iid, id), onSuccess: (_, id) => changed([id]) });
}
export function useTerminateTask(iid: string) {
  const changed = useTaskChanged(iid);
  return useMutation({ mutationFn: (id: string) => terminateTask(iid, id), onSuccess: (_, id) => changed([id]) });
}
/** Start or stop tasks in one request; the answer says which succeeded and why others failed. */
export function useBatchTasks(iid: string) {
  const changed = useTaskChanged(iid);
  return useMutation({
    mutationFn: ({ action, ids }: { action: 'start' | 'stop'; ids: readonly string[] }) => batchTasks(iid, action, ids),
    onSuccess: (_, v) => changed(v.ids),
  });
}
