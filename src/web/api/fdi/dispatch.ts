// FDI task schedules (TaskDispatch): period + interval or a Quartz cron, next run in epoch ms.
import { queryOptions } from '@tanstack/react-query';
import { taskDispatch, type TaskDispatch as WireDispatch, type TaskDispatchRequest } from '../../../contract/fdi/tasks';
import { ApiError } from '../errors';
import { http, parseWith } from '../http';
import { seg } from '../project';
import { normaliseTime } from '../time';
import { fdiPath, taskKeys } from './base';

export interface Dispatch {
  id: string;
  startAt?: number;
  period: string;
  interval?: number;
  useCron: boolean;
  cron: string;
  remark: string;
  nextFireAt?: number;
}
const dispatchFromWire = (d: WireDispatch): Dispatch => ({
  id: d.dispatch_id,
  startAt: normaliseTime(d.start_datetime),
  period: d.period ?? '',
  interval: d.dispatch_interval ?? undefined,
  useCron: d.use_quartz_cron === true,
  cron: d.cron ?? '',
  remark: d.remark ?? '',
  nextFireAt: normaliseTime(d.next_fire_time),
});
/** The schedule of a TIMING task, or null when it has none yet. */
export async function getDispatch(iid: string, taskId: string, signal?: AbortSignal): Promise<Dispatch | null> {
  try {
    const res = await http.get(fdiPath(iid, `/tasks/${seg(taskId)}/dispatches`), { signal });
    if (!res.data || (typeof res.data === 'object' && !('dispatch_id' in res.data))) return null;
    return dispatchFromWire(parseWith(taskDispatch, res.data, 'schedule'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
export async function saveDispatch(iid: string, taskId: string, dispatchId: string | undefined, body: TaskDispatchRequest): Promise<Dispatch> {
  const res = dispatchId
    ? await http.put(fdiPath(iid, `/tasks/${seg(taskId)}/dispatches/${seg(dispatchId)}`), body)
    : await http.post(fdiPath(iid, `/tasks/${seg(taskId)}/dispatches`), body);
  return dispatchFromWire(parseWith(taskDispatch, res.data, 'schedule'));
}
export const dispatchQuery = (iid: string, taskId: string) =>
  queryOptions({ queryKey: taskKeys.sub(iid, taskId, 'dispatch'), queryFn: ({ signal }) => getDispatch(iid, taskId, signal), enabled: !!taskId });
