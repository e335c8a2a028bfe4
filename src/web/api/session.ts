// BFF session: login, logout, session probe. On the login page's path, so it uses the small
// fetch client and a hand-written shape check instead of axios + zod (see bffFetch.ts).
import { queryOptions } from '@tanstack/react-query';
import { bffFetch, badBffResponse } from './bffFetch';
import { ApiError } from './errors';
import { setProjectId } from './project';
import { normaliseTime } from './time';
import { sessionKey } from './keys';

/** The BFF's session answer (lenient: unknown fields are ignored). */
interface SessionBody {
  authenticated?: boolean;
  user?: string | { name?: string; id?: string } | null;
  project_id?: string | null;
  expires_at?: string | number | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const optStr = (v: unknown): boolean => v === undefined || typeof v === 'string';

/** The first field that does not fit, as "path: problem", or undefined when the body fits. */
function sessionProblem(b: unknown): string | undefined {
  if (!isObj(b)) return `(root): expected object, received ${kind(b)}`;
  if (b.authenticated !== undefined && typeof b.authenticated !== 'boolean') {
    return `authenticated: expected boolean, received ${kind(b.authenticated)}`;
  }
  const u = b.user;
  if (u !== undefined && u !== null && typeof u !== 'string' && !(isObj(u) && optStr(u.name) && optStr(u.id))) {
    return 'user: invalid input';
  }
  if (b.project_id !== undefined && b.project_id !== null && typeof b.project_id !== 'string') {
    return `project_id: expected string, received ${kind(b.project_id)}`;
  }
  const x = b.expires_at;
  if (x !== undefined && x !== null && typeof x !== 'string' && typeof x !== 'number') return 'expires_at: invalid input';
  return undefined;
}

export function parseSessionBody(data: unknown, what: string): SessionBody {
  const problem = sessionProblem(data);
  if (problem !== undefined) throw badBffResponse(what, problem);
  return data as SessionBody;
}

export interface Session {
  authenticated: boolean;
  user?: string;
  projectId?: string;
  expiresAt?: number;
}

function toSession(raw: SessionBody, authenticated: boolean): Session {
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
    const raw = parseSessionBody(await bffFetch('/bff/session', { signal }), 'session');
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
  const raw = parseSessionBody(await bffFetch('/bff/login', { method: 'POST', body: input }), 'login');
  return toSession(raw, true);
}

export async function logout(): Promise<void> {
  try {
    await bffFetch('/bff/logout', { method: 'POST', body: {} });
  } finally {
    setProjectId(undefined);
  }
}
