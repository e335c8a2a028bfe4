// APIC consumers, app side: apps as APIC sees them, AppCodes, app configs, app authorisations,
// and the gateway's app-auth stage. Registered by apic/index.ts.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../context';
import type { ResourceHooks } from '../../http';
import type { ApicStores } from '../stores';
import { consumerAppRoutes } from './apps-routes';
import { ConsumerAppStore } from './apps-store';
import { appAuthRoutes } from './auths-routes';
import { AppAuthStore } from './auths-store';

export function consumerAppFamily(app: FastifyInstance, ctx: Ctx, stores: ApicStores, hooks: ResourceHooks): void {
  const apps = new ConsumerAppStore(ctx.db, ctx.now);
  consumerAppRoutes(app, apps, hooks);
  appAuthRoutes(app, new AppAuthStore(ctx.db, ctx.now, stores, apps), hooks);
}
