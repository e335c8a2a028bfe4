// Shared helpers for roma-local tests: a server on an ephemeral port over a temp data dir,
// a controllable clock, login and a small fetch wrapper.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRomaLocal, type RomaLocalHandle, type RomaLocalOptions } from './server';

export const PASSWORD = 'Test-Password-123';

export interface Clock { now: () => number; advance(ms: number): void }
export function clock(start = Date.UTC(2026, 0, 15, 8, 0, 0)): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'roma-local-test-'));

export async function start(opts: Partial<RomaLocalOptions> = {}): Promise<RomaLocalHandle & { dataDir: string }> {
  const dataDir = opts.dataDir ?? tempDir();
  const h = await startRomaLocal({ password: PASSWORD, mqttPort: 0, gatewayPort: 0, ...opts, dataDir, port: 0 });
  return Object.assign(h, { dataDir });
}

export function tokenBody(over: { user?: string; password?: string; domain?: string; scope?: unknown } = {}) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { domain: { name: over.domain ?? 'roma-local' }, name: over.user ?? 'admin', password: over.password ?? PASSWORD },
        },
      },
      scope: over.scope ?? { project: { name: 'cn-north-4' } },
    },
  };
}

export async function login(url: string, over: Parameters<typeof tokenBody>[0] = {}): Promise<string> {
  const res = await fetch(`${url}/v3/auth/tokens?nocatalog=true`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tokenBody(over)),
  });
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.get('x-subject-token') as string;
}

export interface Res { status: number; body: any; headers: Headers; text: string } // eslint-disable-line @typescript-eslint/no-explicit-any

/** fetch wrapper: JSON in, parsed JSON out (body null when empty or not JSON). */
export async function call(
  url: string, method: string, p: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...(opts.token ? { 'x-auth-token': opts.token } : {}), ...opts.headers };
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json;charset=UTF-8';
  }
  const res = await fetch(`${url}${p}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** A logged-in client bound to the seeded instance. */
export async function session(h: RomaLocalHandle) {
  const token = await login(h.url);
  const pid = h.account.projectId;
  const list = await call(h.url, 'GET', `/v2/${pid}/instances`, { token });
  const instanceId = list.body.instances[0].id as string;
  const base = `/v2/${pid}/instances/${instanceId}`;
  const req = (method: string, p: string, opts: Omit<Parameters<typeof call>[3], 'token'> = {}) =>
    call(h.url, method, `${base}${p}`, { token, ...opts });
  return { token, pid, instanceId, base, req };
}
