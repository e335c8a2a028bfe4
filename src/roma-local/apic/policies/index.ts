// APIC consumer policies: client quotas, request throttling policies, plugins and LiveData data
// sources (routes + stores), and their enforcement as gateway stages. Wired by ../index.ts.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../context';
import type { Db } from '../../db/open';
import type { ResourceHooks } from '../../http';
import type { Gateway } from '../gateway/server';
import type { ApicStores } from '../stores';
import { QuotaCounters } from './counters';
import { policyStages, type PolicyGateway } from './gateway/stages';
import { WindowCounters } from './gateway/windows';
import { PluginStore } from './plugins';
import { QuotaStore } from './quotas';
import { liveDataRoutes } from './routes/livedata';
import { pluginRoutes } from './routes/plugins';
import { quotaRoutes } from './routes/quotas';
import { throttleRoutes } from './routes/throttles';
import { PolicyState } from './state';
import { ThrottleStore } from './throttles';

export interface PolicyStores {
  db: Db; apic: ApicStores; state: PolicyState; counters: QuotaCounters;
  quotas: QuotaStore; throttles: ThrottleStore; plugins: PluginStore;
}

export function policiesFamily(app: FastifyInstance, ctx: Ctx, apic: ApicStores, hooks: ResourceHooks) {
  const state = new PolicyState();
  const counters = new QuotaCounters(ctx.db);
  const windows = new WindowCounters(ctx.db, ctx.now);
  const s: PolicyStores = {
    db: ctx.db, apic, state, counters,
    quotas: new QuotaStore(ctx.db, ctx.now, state, counters),
    throttles: new ThrottleStore(ctx.db, ctx.now, state),
    plugins: new PluginStore(ctx.db, ctx.now, state),
  };
  quotaRoutes(app, s, hooks);
  throttleRoutes(app, s, hooks);
  pluginRoutes(app, s, hooks);
  liveDataRoutes(app, s, hooks);
  // counts and windows spent since the last write-behind are flushed before the database closes
  app.addHook('preClose', async () => {
    counters.close();
    windows.close();
  });

  return {
    stores: s,
    /** Adds the consumer-policy stages to the gateway's pipeline (after auth and app-auth, before params). */
    attach(gateway: Gateway): PolicyGateway {
      const g = policyStages(ctx.db, state, counters, windows, gateway.routes, ctx.now);
      gateway.pipeline
        .use('cors-preflight', g.stages.preflight, { before: 'route' })
        .use('plugin-answer', g.stages.answer, { after: 'route' })
        .use('throttle', g.stages.throttle, { before: 'params' })
        .use('app-quota', g.stages.quota, { before: 'params' });
      return g;
    },
  };
}
