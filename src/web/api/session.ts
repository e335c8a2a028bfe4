// BFF session: login, logout, session probe.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { http, parseWith } from './http';
import { ApiError } from './errors';
import { setProjectId } from './project';
import { normaliseTime } from './time';
import { sessionKey } from './keys';

const sessionBody = z.object({
  authenticated: z.boolean().optional(),
  user: z.union([z.string(), z.object({ name: z.string().optional(), id: z.string().optional() }).loose()]).nullish(),
  project_id: z.string().nullish(),
  expires_at: z.union([z.string(), z.number()]).nullish(),
});

export interface Session {
  authenticated: boolean;
  user?: string;
  projectId?: string;
  expiresAt?: number;
}

function toSession(raw: z.infer<typeof sessionBody>, authenticated: boolean): Session {
  const user = typeof raw.user === 'string' ? raw.user : (raw.user?.name ?? raw.user?.id);
  const s: Session = {
    authenticated,
    user: user ?? undefined,
    projectId: raw.project_id ?? undefined,
    expiresAt: normaliseTime(raw.expires_at),
  };
  setProjectId(s.authenticated ? s.projectId : undefined);
  return s;
}

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  try {
    const res = await http.get('/bff/session', { signal, skipAuthRedirect: true });
    const raw = parseWith(sessionBody, res.data, 'session');
    return toSession(raw, raw.authenticated === true && !!raw.project_id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return toSession({}, false);
    throw e;
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 60_000,
});

export interface LoginInput {
  domain: string;
  username: string;
  password: string;
  project: string;
}

export async function login(input: LoginInput): Promise<Session> {
  const res = await http.post('/bff/login', input, { skipAuthRedirect: true });
  const raw = parseWith(sessionBody, res.data, 'login');
  return toSession(raw, true);
}

export async function logout(): Promise<void> {
  try {
    await http.post('/bff/logout', {}, { skipAuthRedirect: true });
  } finally {
    setProjectId(undefined);
  }
}
