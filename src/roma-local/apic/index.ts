// APIC family (API groups, APIs, environments, publishing) and its gateway. Registered by server.ts.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context';

export async function apicFamily(_app: FastifyInstance, _ctx: Ctx): Promise<void> {}
