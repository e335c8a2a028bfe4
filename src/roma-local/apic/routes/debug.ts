// DebugApiV2 — POST …/apis/debug/{api_id}: runs through the gateway's own pipeline.
import type { FastifyInstance } from 'fastify';
import { apiDebugRequest } from '../../../contract/index';
import { caller } from '../../context';
import { familyError } from '../../errors';
import { resource, type ResourceHooks } from '../../http';
import { parseBody } from '../../validate';
import { debugApi } from '../gateway/debug';
import type { Gateway } from '../gateway/server';
import type { ApicStores } from '../stores';
import { BASE, params } from './common';

export function debugRoutes(
  app: FastifyInstance, s: ApicStores, gateway: () => Gateway | undefined, hooks: ResourceHooks, now: () => number = Date.now,
): void {
  resource(app, 'apic', `${BASE}/apis/debug/:api_id`, {
    POST: async (req) => {
      const body = parseBody('apic', apiDebugRequest, req.body);
      const gw = gateway();
      if (!gw) throw familyError('apic', 'internal', 'The API gateway is not running.');
      const { instance_id, api_id } = params(req);
      return debugApi(gw, s, instance_id, caller(req).projectId ?? '', api_id, body, now);
    },
  }, hooks);
}
