// GET /bff/info (no session needed): which cloud and region this console talks to, for the login page.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { http, parseWith } from './http';

const infoBody = z.object({
  target: z.object({
    kind: z.enum(['roma-local', 'cloud']).catch('cloud'),
    region: z.string().nullish(),
    endpoint: z.string(),
    iam_endpoint: z.string().optional(),
  }),
});

export interface BffTarget {
  kind: 'roma-local' | 'cloud';
  region?: string;
  endpoint: string;
}

export async function fetchBffTarget(signal?: AbortSignal): Promise<BffTarget> {
  const res = await http.get('/bff/info', { signal, skipAuthRedirect: true });
  const { target } = parseWith(infoBody, res.data, 'console info');
  return { kind: target.kind, region: target.region ?? undefined, endpoint: target.endpoint };
}

export const bffTargetQuery = queryOptions({
  queryKey: ['bff', 'info'] as const,
  queryFn: ({ signal }) => fetchBffTarget(signal),
  staleTime: Infinity,
  retry: false,
});
