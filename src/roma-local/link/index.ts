// LINK family (products, devices, groups) and its MQTT endpoint. Registered by server.ts.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context';

export async function linkFamily(_app: FastifyInstance, _ctx: Ctx): Promise<void> {}
