// Monitoring: the task monitor list, a task's run logs (with detail logs), one log's details,
// the run overview and (local) the dirty rows of a run. `offset` is a page number from 1 here.
import type { FastifyInstance } from 'fastify';
import { fdiPageQuery, monitorLogQuery, taskMonitorQuery } from '../../../contract/index';
import type { Ctx } from '../../context';
import { resource } from '../../http';
import { parseQuery } from '../../validate';
import { DatasourceStore } from '../datasources';
import { FDI } from '../errors';
import { toDetailLog, toMonitorLog } from '../runs';
import type { TaskStore } from '../tasks';
import { BASE, fdiHooks, params } from './common';

export function monitorRoutes(app: FastifyInstance, ctx: Ctx, store: TaskStore): void {
  const hooks = fdiHooks(ctx);
  const ds = new DatasourceStore(ctx.db, ctx.now);
  const page = (offset = 1, limit = 10) => ({ skip: (offset - 1) * limit, limit });

  resource(app, 'fdi', `${BASE}/task-monitors`, {
    GET: async (req) => {
      const q = parseQuery('fdi', taskMonitorQuery, req.query);
      const instanceId = params(req).instance_id;
      let tasks = store.list(instanceId, {});
      if (q.task_name) tasks = tasks.filter((t) => t.name.includes(q.task_name!)); // case-sensitive, as documented
      const rows = tasks.map((t) => ({ t, last: store.runs.last(t.id), d: store.dispatch(t.id) }))
        .filter((x) => !q.execute_status || (x.last?.execute_status ?? 'UNSTARTED') === q.execute_status);
      const { skip, limit } = page(q.offset, q.limit);
      const entities = rows.slice(skip, skip + limit).map(({ t, last, d }) => ({
        task_id: t.id, task_name: t.name, task_type: t.type, status: t.started, last_execute_time: last?.start_time ?? null,
        use_quartz_cron: d ? d.use_quartz_cron === 1 : null, cron: d?.use_quartz_cron ? d.cron : null,
        period: d && !d.use_quartz_cron ? d.period : null, dispatch_interval: d && !d.use_quartz_cron ? d.dispatch_interval : null,
        position: last?.position ?? null, execute_status: last?.execute_status ?? 'UNSTARTED',
        source_app_id: t.source_app_id, source_app_name: ds.appName(t.instance_id, t.source_app_id) ?? '', source_instance_id: t.instance_id,
        target_app_id: t.target_app_id, target_app_name: ds.appName(t.instance_id, t.target_app_id) ?? '', target_instance_id: t.instance_id,
        ext_type: t.ext_type || null, enterprise_project_id: '0', task_tag: t.tag,
      }));
      return { total: rows.length, size: entities.length, entities };
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/tasks/:task_id/monitor-logs`, {
    GET: async (req) => {
      const q = parseQuery('fdi', monitorLogQuery, req.query);
      const t = store.get(params(req).instance_id, params(req).task_id);
      const { skip, limit } = page(q.offset, q.limit);
      const { total, rows } = store.runs.list(t.id, q.begin_time, q.end_time, skip, limit);
      const now = ctx.now();
      const entities = rows.map((r) => toMonitorLog(r, store.runs.steps(r.id), now));
      return { total, size: entities.length, entities };
    },
  }, hooks);

  const runOf = (instanceId: string, taskId: string, trackingId: string) => {
    const t = store.get(instanceId, taskId);
    const r = store.runs.get(trackingId);
    if (!r || r.task_id !== t.id) throw FDI.runNotFound(trackingId);
    return r;
  };

  resource(app, 'fdi', `${BASE}/tasks/:task_id/monitor-logs/:tracking_id`, {
    GET: async (req) => {
      const r = runOf(params(req).instance_id, params(req).task_id, params(req).tracking_id);
      const now = ctx.now();
      return { id: r.id, dirty_data_count: r.dirty_count, detail_logs: store.runs.steps(r.id).map((s) => toDetailLog(s, now)) };
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/tasks/:task_id/monitor-logs/:tracking_id/dirty-data`, {
    GET: async (req) => {
      const q = parseQuery('fdi', fdiPageQuery, req.query);
      const r = runOf(params(req).instance_id, params(req).task_id, params(req).tracking_id);
      const { skip, limit } = page(q.offset, q.limit);
      const { total, rows } = store.runs.dirty(r.id, skip, limit);
      return { total, size: rows.length, entities: rows };
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/tasks/:task_id/monitor-overview`, {
    GET: async (req) => {
      const t = store.get(params(req).instance_id, params(req).task_id);
      return { task_name: t.name, ...store.runs.overview(t.id) };
    },
  }, hooks);
}
