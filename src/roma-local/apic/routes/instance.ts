// Instance-level reads (section 1) and VPC channels, read-only (section 14): roma-local has no
// VPC, so the channel list is empty and every channel id is unknown.
import type { FastifyInstance } from 'fastify';
import { apicFeatureList, apicPaging, createFeatureRequest, vpcChannelListQuery } from '../../../contract/index';
import type { Ctx } from '../../context';
import { resource, type ResourceHooks } from '../../http';
import { hex32, isoSeconds } from '../../util';
import { parseBody, parseQuery } from '../../validate';
import { APIC } from '../errors';
import type { ApicStores } from '../stores';
import { BASE, paged, params } from './common';

interface FeatureRow { instance_id: string; name: string; id: string; enable: number; config: string; update_time: number }
const toFeature = (f: FeatureRow) => ({
  id: f.id, name: f.name, enable: f.enable === 1, config: f.config, instance_id: f.instance_id, update_time: isoSeconds(f.update_time),
});

/** Quota items (ListProjectCofigsV2) with what roma-local counts as used. */
const LIMITS: [name: string, value: number, remark: string, table?: string][] = [
  ['API_NUM_LIMIT', 1000, 'Maximum number of APIs', 'apic_apis'],
  ['APIGROUP_NUM_LIMIT', 300, 'Maximum number of API groups', 'apic_groups'],
  ['ENVIRONMENT_NUM_LIMIT', 10, 'Maximum number of environments', 'apic_envs'],
  ['VARIABLE_NUM_LIMIT', 50, 'Maximum number of environment variables per group', undefined],
  ['API_TAG_NUM_LIMIT', 10, 'Maximum number of tags per API', undefined],
  ['APP_NUM_LIMIT', 50, 'Maximum number of integration applications', 'apps'],
];

export function instanceRoutes(app: FastifyInstance, ctx: Ctx, s: ApicStores, hooks: ResourceHooks): void {
  resource(app, 'apic', `${BASE}/features`, {
    GET: async (req) => {
      const q = parseQuery('apic', apicPaging, req.query);
      const rows = ctx.db.prepare('SELECT * FROM apic_features WHERE instance_id = ? ORDER BY name').all(params(req).instance_id) as FeatureRow[];
      return apicFeatureList.parse(paged('features', rows.map(toFeature), q));
    },
    POST: async (req, reply) => {
      const b = parseBody('apic', createFeatureRequest, req.body);
      const { instance_id } = params(req);
      ctx.db.prepare(
        `INSERT INTO apic_features (instance_id, name, id, enable, config, update_time) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (instance_id, name) DO UPDATE SET enable = excluded.enable, config = excluded.config, update_time = excluded.update_time`,
      ).run(instance_id, b.name, hex32(), b.enable ? 1 : 0, b.config ?? '', ctx.now());
      const row = ctx.db.prepare('SELECT * FROM apic_features WHERE instance_id = ? AND name = ?').get(instance_id, b.name) as FeatureRow;
      return reply.code(201).send(toFeature(row));
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/project/configs`, {
    GET: async (req) => {
      const q = parseQuery('apic', apicPaging, req.query);
      const { instance_id } = params(req);
      const configs = LIMITS.map(([name, value, remark, table], i) => ({
        config_id: String(i + 1), config_name: name, config_value: String(value), config_time: isoSeconds(ctx.now()), remark,
        used: table ? (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE instance_id = ?`).get(instance_id) as { n: number }).n : 0,
      }));
      return paged('configs', configs, q);
    },
  }, hooks);

  resource(app, 'apic', `${BASE}/restriction`, {
    GET: async () => ({ restrict_cidrs: [], resource_subnet_cidr: '' }),
  }, hooks);

  resource(app, 'apic', `${BASE}/tags`, {
    GET: async (req) => paged('tags', s.apis.tags(params(req).instance_id), parseQuery('apic', apicPaging, req.query)),
  }, hooks);

  resource(app, 'apic', `${BASE}/vpc-channels`, {
    GET: async (req) => paged('vpc_channels', [], parseQuery('apic', vpcChannelListQuery, req.query)),
  }, hooks);
  resource(app, 'apic', `${BASE}/vpc-channels/:vpc_channel_id`, {
    GET: async (req) => {
      throw APIC.vpcNotFound(params(req).vpc_channel_id);
    },
  }, hooks);
}
