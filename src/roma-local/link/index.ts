// LINK family (products, thing model, devices, groups, statistics) and its MQTT endpoint.
// Registered by server.ts; the broker listens on ctx.settings.mqttHost/mqttPort and is closed
// with the app.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context';
import { startBroker } from './broker';
import { seedLinkDemo } from './demo';
import { groupRoutes } from './routes-groups';
import { deviceRoutes } from './routes-devices';
import { productRoutes } from './routes-products';
import { thingModelRoutes } from './routes-thing-model';

export async function linkFamily(app: FastifyInstance, ctx: Ctx): Promise<void> {
  seedLinkDemo(ctx.db, ctx.now);
  const broker = await startBroker(ctx.db, ctx.now, ctx.settings.mqttHost, ctx.settings.mqttPort);
  ctx.endpoints.mqtt = broker.address;
  app.addHook('onClose', async () => broker.close());
  // Status changes are batched (status-writer.ts); any HTTP request first writes what is queued,
  // so every answer agrees with the broker about each CONNACK already sent (nothing when idle).
  app.addHook('onRequest', (_req, _reply, done) => {
    broker.flushStatus();
    done();
  });
  productRoutes(app, ctx);
  thingModelRoutes(app, ctx);
  deviceRoutes(app, ctx, broker);
  groupRoutes(app, ctx);
}
