// GET /bff/info (no session needed): which cloud and region this console talks to, for the login page.
// On the login page's path: the small fetch client and a hand-written shape check, no axios/zod.
import { queryOptions } from '@tanstack/react-query';
import { bffFetch, badBffResponse } from './bffFetch';

export interface BffTarget {
  kind: 'roma-local' | 'cloud';
  region?: string;
  endpoint: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ target: { kind, region?, endpoint, iam_endpoint? } }`; an unknown kind counts as 'cloud'. */
export function parseBffInfo(data: unknown): BffTarget {
  const t = isObj(data) ? data.target : undefined;
  if (!isObj(t)) throw badBffResponse('console info', 'target: expected object');
  if (typeof t.endpoint !== 'string') throw badBffResponse('console info', 'target.endpoint: expected string');
  if (t.region !== undefined && t.region !== null && typeof t.region !== 'string') {
    throw badBffResponse('console info', 'target.region: expected string');
  }
  if (t.iam_endpoint !== undefined && typeof t.iam_endpoint !== 'string') {
    throw badBffResponse('console info', 'target.iam_endpoint: expected string');
  }
  return {
    kind: t.kind === 'roma-local' ? 'roma-local' : 'cloud',
    region: typeof t.region === 'string' ? t.region : undefined,
    endpoint: t.endpoint,
  };
}

export async function fetchBffTarget(signal?: AbortSignal): Promise<BffTarget> {
  return parseBffInfo(await bffFetch('/bff/info', { signal }));
}

export const bffTargetQuery = queryOptions({
  queryKey: ['bff', 'info'] as const,
  queryFn: ({ signal }) => fetchBffTarget(signal),
  staleTime: Infinity,
  retry: false,
});
