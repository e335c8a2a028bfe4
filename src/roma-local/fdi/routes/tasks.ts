// Common tasks: CRUD, run, terminate, batch start/stop, schedules, statistics.
import type { FastifyInstance } from 'fastify';
import { batchTaskOperationRequest, createTaskRequest, taskDispatchRequest, taskListQuery } from '../../../contract/index';
import { caller, type Ctx } from '../../context';
import type { ApiError } from '../../errors';
import { resource } from '../../http';
import { parseBody, parseQuery } from '../../validate';
import { isRunnable } from '../connectors/index';
import { DatasourceStore } from '../datasources';
import type { FdiEngine } from '../engine/engine';
import { checkCron } from '../engine/schedule';
import { BATCH_CODES, FDI } from '../errors';
import type { TaskRow, TaskStore } from '../tasks';
import { BASE, fdiHooks, params, slice } from './common';

export function taskRoutes(app: FastifyInstance, ctx: Ctx, store: TaskStore, engine: FdiEngine): void {
  const hooks = fdiHooks(ctx);
  const ds = new DatasourceStore(ctx.db, ctx.now);
  const answer = (t: TaskRow, projectId: string) => ({ task: store.toBasic(t, projectId), task_detail: t.detail });

  /** Both data sources must be of a type roma-local can run. */
  const assertRunnable = (t: TaskRow): void => {
    for (const id of [t.source_ds, t.target_ds]) {
      const row = ds.find(t.instance_id, id);
      if (!row) throw FDI.datasourceNotFound(id);
      if (!isRunnable(row.type)) throw FDI.connectorUnavailable(row.type);
    }
  };

  resource(app, 'fdi', `${BASE}/tasks`, {
    GET: async (req) => {
      const q = parseQuery('fdi', taskListQuery, req.query);
      const all = store.list(params(req).instance_id, q);
      const page = slice(all, q.offset, q.limit).map((t) => store.toBrief(t, store.runs.last(t.id)));
      return { total: all.length, size: page.length, entities: page };
    },
    POST: async (req, reply) => {
      const body = parseBody('fdi', createTaskRequest, req.body);
      return reply.code(201).send(answer(store.create(params(req).instance_id, body), caller(req).projectId ?? ''));
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/tasks/:task_id`, {
    GET: async (req) => answer(store.get(params(req).instance_id, params(req).task_id), caller(req).projectId ?? ''),
    PUT: async (req) => {
      const body = parseBody('fdi', createTaskRequest, req.body);
      return answer(store.update(params(req).instance_id, params(req).task_id, body), caller(req).projectId ?? '');
    },
    DELETE: async (req, reply) => {
      store.delete(params(req).instance_id, params(req).task_id);
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/tasks/:task_id/run`, {
    POST: async (req, reply) => {
      const t = store.get(params(req).instance_id, params(req).task_id);
      if (t.ext_type) throw FDI.runRefused(`The combined task ${t.name} cannot be run manually in roma-local.`);
      assertRunnable(t);
      engine.trigger(t, 'manual');
      return reply.code(204).send();
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/tasks/:task_id/terminate`, {
    POST: async (req) => {
      const t = store.get(params(req).instance_id, params(req).task_id);
      const cancelled = engine.cancel(t.id);
      if (t.started) engine.disable(t);
      return { message: cancelled ? `Task ${t.name} terminated: the current run is being cancelled.` : `Task ${t.name} stopped: no run was in progress.` };
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/batch-operation/tasks`, {
    POST: async (req) => {
      const body = parseBody('fdi', batchTaskOperationRequest, req.body);
      if (!body.list.length) throw FDI.emptyBatch();
      const instanceId = params(req).instance_id;
      const success: { task_id: string; task_name: string; error_code: string | null; error_msg: string | null }[] = [];
      const failure: typeof success = [];
      for (const { task_id } of body.list) {
        const t = store.find(instanceId, task_id);
        const fail = (code: string, msg: string): void => { failure.push({ task_id, task_name: t?.name ?? '', error_code: code, error_msg: msg }); };
        if (!t) { fail(BATCH_CODES.notFound, `The task ${task_id} does not exist.`); continue; }
        if (body.action_id === 'start') {
          if (t.type === 'TIMING' && !t.ext_type && !store.dispatch(t.id)) { fail(BATCH_CODES.noSchedule, 'One or more scheduled tasks are not configured with scheduled plans.'); continue; }
          try { if (!t.ext_type) assertRunnable(t); } catch (err) { fail((err as ApiError).code, (err as Error).message); continue; }
          engine.enable(t);
        } else {
          engine.disable(t);
        }
        success.push({ task_id, task_name: t.name, error_code: null, error_msg: null });
      }
      return { success_count: success.length, failure_count: failure.length, success, failure };
    },
  }, hooks);

  const parseDispatch = (body: unknown) => {
    const d = parseBody('fdi', taskDispatchRequest, body);
    if (d.use_quartz_cron) {
      try { checkCron(d.cron ?? ''); } catch (err) { throw FDI.badSchedule(`Invalid cron expression: ${(err as Error).message}`); }
    }
    return d;
  };

  resource(app, 'fdi', `${BASE}/tasks/:task_id/dispatches`, {
    GET: async (req) => {
      const t = store.get(params(req).instance_id, params(req).task_id);
      const d = store.dispatch(t.id);
      if (!d) throw FDI.dispatchNotFound(`of task ${t.name}`);
      return store.toDispatch(d, t.started ? engine.nextFireTime(t.id) : null);
    },
    POST: async (req, reply) => {
      const t = store.get(params(req).instance_id, params(req).task_id);
      const d = store.saveDispatch(t, parseDispatch(req.body));
      engine.rearm(t.id);
      return reply.code(201).send(store.toDispatch(d, t.started ? engine.nextFireTime(t.id) : null));
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/tasks/:task_id/dispatches/:dispatch_id`, {
    PUT: async (req) => {
      const t = store.get(params(req).instance_id, params(req).task_id);
      const d = store.saveDispatch(t, parseDispatch(req.body), params(req).dispatch_id);
      engine.rearm(t.id);
      return store.toDispatch(d, t.started ? engine.nextFireTime(t.id) : null);
    },
  }, hooks);

  resource(app, 'fdi', `${BASE}/statistics/tasks`, {
    GET: async (req) => {
      const empty = () => ({ running_tasks_count: 0, abnormal_tasks_count: 0, terminated_tasks_count: 0, completed_tasks_count: 0 });
      const out = { common_task_details: empty(), cdc_task_details: empty() };
      for (const t of store.list(params(req).instance_id, {})) {
        const s = out[t.ext_type ? 'cdc_task_details' : 'common_task_details'];
        const st = store.executeStatus(t);
        if (st === 'RUNNING' || st === 'WAITING' || t.started) s.running_tasks_count++;
        else if (st === 'ERROR') s.abnormal_tasks_count++;
        else if (st === 'SUCCESS') s.completed_tasks_count++;
        else s.terminated_tasks_count++;
      }
      return out;
    },
  }, hooks);
}
