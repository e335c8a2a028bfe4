// FDI family (data sources, tasks, monitors) and its engine. Registered by server.ts.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context';

export async function fdiFamily(_app: FastifyInstance, _ctx: Ctx): Promise<void> {}
