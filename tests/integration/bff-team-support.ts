// Helpers for the team-scale BFF tests: several BFF replicas in front of one real roma-local,
// sharing the machine's Redis (unique key prefix per test file) and PostgreSQL (a database per
// test file), plus a TCP relay that a test can cut and restore to take a server "down".
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { buildBff } from '../../src/bff/app';
import { loadBffConfig, type BffConfig } from '../../src/bff/config';
import { startRomaLocal, type RomaLocalHandle } from '../../src/roma-local/server';
import { call, sessionCookieValue } from '../support/http';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const IN_CI = process.env.CI === 'true';

async function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

/** Whether to skip a suite that needs `url`'s server: only outside CI (under CI it must be there). */
export async function unreachable(url: string): Promise<boolean> {
  const u = new URL(url);
  const ok = await reachable(u.hostname, Number(u.port));
  if (!ok && !IN_CI) console.warn(`skipping: ${u.protocol}//${u.host} is not reachable (start it with scripts/services.sh)`);
  return !ok && !IN_CI;
}

export const uniquePrefix = (name: string): string => `test:${name}:${process.pid}:${randomBytes(4).toString('hex')}:`;

export async function dropRedisPrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await r.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

/** A throwaway PostgreSQL database; returns its URL and a drop function. */
export async function tempDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const db = `bff_${name}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${db}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A TCP relay to `target` on an ephemeral loopback port; cut() drops it, restore() brings it back on the same port. */
export interface Relay {
  url: string;
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startRelay(targetUrl: string): Promise<Relay> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = async (): Promise<void> => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as net.AddressInfo).port;
  };
  const cut = async (): Promise<void> => {
    const s = server;
    server = undefined;
    for (const sock of sockets) sock.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await open();
  const url = new URL(targetUrl);
  url.port = String(port);
  return { url: url.toString(), port, cut, restore: open, close: cut };
}

export interface Team {
  romaLocal: RomaLocalHandle;
  replicas: FastifyInstance[];
  urls: string[];
  account: RomaLocalHandle['account'];
  dataDir: string;
  credentials(): { username: string; password: string; domain: string; project: string };
  /** Logs in through replica `i`; returns the session cookie value. */
  login(i?: number): Promise<string>;
  /** Starts one more replica with extra overrides (e.g. another Redis URL). */
  addReplica(overrides?: Partial<BffConfig>): Promise<string>;
  close(): Promise<void>;
}

/** One real roma-local and `n` BFF replicas with the same configuration. */
export async function startTeam(n: number, bff: Partial<BffConfig>): Promise<Team> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roma-team-'));
  const romaLocal = await startRomaLocal({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    mqttPort: 0,
    gatewayPort: 0,
    password: 'Test-Passw0rd!',
    logger: false,
  });
  const replicas: FastifyInstance[] = [];
  const urls: string[] = [];
  const addReplica = async (overrides: Partial<BffConfig> = {}): Promise<string> => {
    const config = loadBffConfig({}, { romaEndpoint: romaLocal.url, iamEndpoint: romaLocal.url, logger: false, ...bff, ...overrides });
    const app = await buildBff(config);
    replicas.push(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
    urls.push(url);
    return url;
  };
  for (let i = 0; i < n; i++) await addReplica();
  const account = romaLocal.account;
  const credentials = () => ({ username: account.user, password: account.password, domain: account.domain, project: account.project });
  return {
    romaLocal,
    replicas,
    urls,
    account,
    dataDir,
    credentials,
    addReplica,
    async login(i = 0) {
      const res = await call(urls[i]!, '/bff/login', { method: 'POST', body: credentials() });
      const cookie = sessionCookieValue(res.setCookies);
      if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${res.text}`);
      return cookie;
    },
    async close() {
      await Promise.allSettled(replicas.map((r) => r.close()));
      await romaLocal.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function expectBffErrorShape(res: { status: number; json: unknown; headers: Record<string, unknown> }): {
  code: string;
  requestId: string;
} {
  const body = res.json as { error_code: string; request_id: string; error_msg: string };
  if (body.request_id !== res.headers['x-request-id']) throw new Error('request id in body and header differ');
  if (!body.error_msg) throw new Error('no error message');
  return { code: body.error_code, requestId: body.request_id };
}
