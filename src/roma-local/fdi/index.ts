// FDI family (data sources, tasks, monitors) and its engine. Registered by server.ts.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context';
import { seedFdiDemo } from './demo';
import { FdiEngine } from './engine/engine';
import { datasourceRoutes } from './routes/datasources';
import { monitorRoutes } from './routes/monitor';
import { multiTaskRoutes } from './routes/multi';
import { taskRoutes } from './routes/tasks';
import { TaskStore } from './tasks';

export async function fdiFamily(app: FastifyInstance, ctx: Ctx): Promise<void> {
  seedFdiDemo(ctx.db, ctx.settings.dataDir, ctx.now);
  const tasks = new TaskStore(ctx.db, ctx.now);
  const engine = new FdiEngine(ctx, tasks);
  datasourceRoutes(app, ctx);
  taskRoutes(app, ctx, tasks, engine);
  monitorRoutes(app, ctx, tasks);
  multiTaskRoutes(app, ctx, tasks);
  app.addHook('onReady', async () => engine.start());
  // before the database closes (hooks run in registration order: server.ts registered db.close first)
  app.addHook('preClose', async () => engine.close());
}
