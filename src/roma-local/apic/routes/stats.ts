// Statistics (section 17): calls of published APIs counted by the gateway, per minute / hour / day.
// `start_time` / `end_time` are epoch seconds (chosen); without them the last `duration` (default 1h).
import type { FastifyInstance } from 'fastify';
import { latestStatisticsQuery, statisticsQuery } from '../../../contract/index';
import type { Ctx } from '../../context';
import { resource, type ResourceHooks } from '../../http';
import { isoSeconds } from '../../util';
import { parseQuery } from '../../validate';
import type { Gateway } from '../gateway/server';
import type { ApicStores } from '../stores';
import { BASE, params } from './common';

const durationMs = (d: string | undefined): number => {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(d ?? '');
  return m && (m[1] || m[2]) ? (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60000 : 3600000;
};
const CYCLE_MIN = { minute: 1, hour: 60, day: 1440 } as const;

interface Row { bucket: number; req_count: number; c2xx: number; c4xx: number; c5xx: number; errors: number; sum_latency: number; max_latency: number; sum_backend: number; max_backend: number; bytes_in: number; bytes_out: number }

export function statsRoutes(app: FastifyInstance, ctx: Ctx, s: ApicStores, gateway: () => Gateway | undefined, hooks: ResourceHooks): void {
  function query(instanceId: string, f: { apiId?: string; appId?: string }, cycle: keyof typeof CYCLE_MIN, fromMs: number, toMs: number) {
    gateway()?.stats.flush();
    const size = CYCLE_MIN[cycle];
    const rows = ctx.db.prepare(
      `SELECT (st.minute / @size) * @size AS bucket, SUM(req_count) AS req_count, SUM(c2xx) AS c2xx, SUM(c4xx) AS c4xx, SUM(c5xx) AS c5xx,
         SUM(errors) AS errors, SUM(sum_latency) AS sum_latency, MAX(max_latency) AS max_latency, SUM(sum_backend) AS sum_backend,
         MAX(max_backend) AS max_backend, SUM(bytes_in) AS bytes_in, SUM(bytes_out) AS bytes_out
       FROM apic_stats st
       WHERE st.instance_id = @instance AND st.minute >= @from AND st.minute <= @to
         AND (@api IS NULL OR st.api_id = @api)
         AND (@app IS NULL OR EXISTS (SELECT 1 FROM apic_apis a WHERE a.id = st.api_id AND a.roma_app_id = @app))
       GROUP BY bucket ORDER BY bucket`,
    ).all({ size, instance: instanceId, from: Math.floor(fromMs / 60000), to: Math.floor(toMs / 60000), api: f.apiId ?? null, app: f.appId ?? null }) as Row[];
    return {
      code: 'APIG.0000', start_time: Math.floor(fromMs / 1000), end_time: Math.floor(toMs / 1000),
      list: rows.map((r) => ({
        ...(f.apiId ? { api_id: f.apiId } : {}), provider: f.appId ?? '', req_time: isoSeconds(r.bucket * 60000), cycle,
        req_count: r.req_count, req_count_2xx: r.c2xx, req_count_4xx: r.c4xx, req_count_5xx: r.c5xx, req_count_error: r.errors,
        avg_latency: r.req_count ? r.sum_latency / r.req_count : 0, max_latency: r.max_latency,
        avg_backend_latency: r.req_count ? r.sum_backend / r.req_count : 0, max_backend_latency: r.max_backend,
        input_throughput: r.bytes_in, output_throughput: r.bytes_out, current_minute: r.bucket,
      })),
    };
  }

  resource(app, 'apic', `${BASE}/statistics/api`, {
    GET: async (req) => {
      const q = parseQuery('apic', statisticsQuery, req.query);
      const { instance_id } = params(req);
      if (q.mode === 'API' && q.api_id) s.apis.row(instance_id, q.api_id);
      const to = q.end_time !== undefined ? q.end_time * 1000 : ctx.now();
      const from = q.start_time !== undefined ? q.start_time * 1000 : to - durationMs(q.duration);
      const f = { apiId: q.mode === 'API' || q.api_id ? q.api_id : undefined, appId: q.mode === 'APP' ? q.roma_app_id : undefined };
      return query(instance_id, f, q.cycle ?? 'minute', from, to);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/statistics/api/latest`, {
    GET: async (req) => {
      const q = parseQuery('apic', latestStatisticsQuery, req.query);
      const { instance_id } = params(req);
      s.apis.row(instance_id, q.api_id);
      const to = ctx.now();
      return query(instance_id, { apiId: q.api_id }, 'minute', to - durationMs(q.duration), to);
    },
  }, hooks);
}
