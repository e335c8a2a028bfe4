// GET /bff/info (no session needed): what this console talks to, for the login page.
//   { target: { kind: 'roma-local' | 'cloud', region: string | null, endpoint: string, iam_endpoint: string } }
// endpoint / iam_endpoint are host[:port] only (e.g. "roma.cn-north-4.myhuaweicloud.com").
import type { FastifyInstance } from 'fastify';
import type { BffConfig } from './config';

export interface BffInfo {
  target: { kind: 'roma-local' | 'cloud'; region: string | null; endpoint: string; iam_endpoint: string };
}

export function bffInfo(config: BffConfig): BffInfo {
  return {
    target: {
      kind: config.embedded ? 'roma-local' : 'cloud',
      region: config.region ?? null,
      endpoint: new URL(config.romaEndpoint).host,
      iam_endpoint: new URL(config.iamEndpoint).host,
    },
  };
}

export async function infoRoutes(app: FastifyInstance, config: BffConfig): Promise<void> {
  const info = bffInfo(config);
  app.get('/bff/info', async () => info);
}
