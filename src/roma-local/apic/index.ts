// APIC family (API groups, APIs, environments, publishing, debug, OpenAPI, statistics) and its
// gateway serving published APIs on its own port. Registered by server.ts.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context';
import { appAuthStage } from './consumers/app-auth-stage';
import { consumerAppFamily } from './consumers/index';
import { seedApicDemo } from './demo';
import { startGateway, type Gateway } from './gateway/server';
import { apiRoutes } from './routes/apis';
import { apicHooks } from './routes/common';
import { debugRoutes } from './routes/debug';
import { envRoutes } from './routes/envs';
import { groupRoutes } from './routes/groups';
import { instanceRoutes } from './routes/instance';
import { openApiRoutes } from './routes/openapi';
import { policiesFamily } from './policies/index';
import { statsRoutes } from './routes/stats';
import { apicStores } from './stores';

export const GATEWAY_HOST = '127.0.0.1';

export async function apicFamily(app: FastifyInstance, ctx: Ctx): Promise<void> {
  const stores = apicStores(ctx);
  const hooks = apicHooks(ctx);
  const running: { gateway?: Gateway } = {}; // routes registered before the gateway starts
  const gw = () => running.gateway;

  instanceRoutes(app, ctx, stores, hooks);
  groupRoutes(app, stores, hooks);
  envRoutes(app, stores, hooks);
  apiRoutes(app, stores, hooks);
  debugRoutes(app, stores, gw, hooks, ctx.now);
  statsRoutes(app, ctx, stores, gw, hooks);
  await openApiRoutes(app, stores, hooks);
  consumerAppFamily(app, ctx, stores, hooks);
  const policies = policiesFamily(app, ctx, stores, hooks); // quotas, throttles, plugins, LiveData

  seedApicDemo(ctx.db, stores);

  const gateway = await startGateway(ctx, stores, GATEWAY_HOST, ctx.settings.gatewayPort);
  gateway.pipeline.use('app-auth', appAuthStage(ctx.db, ctx.now), { after: 'auth' });
  running.gateway = gateway;
  policies.attach(gateway);
  ctx.endpoints.gateway = gateway.url;
  app.addHook('onClose', async () => {
    await gateway.close();
  });
}
