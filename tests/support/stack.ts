// A real roma-local and a real BFF in front of it, on ephemeral loopback ports, with a temporary
// data folder. Used by the BFF integration tests and by anyone who needs the whole server side.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildBff } from '../../src/bff/app';
import { loadBffConfig, type BffConfig } from '../../src/bff/config';
import { startRomaLocal, type RomaLocalHandle } from '../../src/roma-local/server';
import { call, sessionCookieValue } from './http';

export interface StackOptions {
  tokenTtlSeconds?: number;
  /** BFF config overrides (e.g. romaEndpoint of a test upstream, a fake clock in `now`). */
  bff?: Partial<BffConfig>;
  /** Clock for roma-local, and for the BFF unless bff.now is given. */
  now?: () => number;
  /** Extra roma-local account options. */
  password?: string;
}

export interface LoginResult {
  /** The session cookie value (roma_sid). */
  cookie: string;
  body: unknown;
  setCookie: string;
}

export interface Stack {
  romaLocal: RomaLocalHandle;
  bff: FastifyInstance;
  bffUrl: string;
  account: RomaLocalHandle['account'];
  dataDir: string;
  login(overrides?: Partial<{ username: string; password: string; domain: string; project: string }>): Promise<LoginResult>;
  close(): Promise<void>;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roma-stack-'));
  const romaLocal = await startRomaLocal({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    mqttPort: 0,
    gatewayPort: 0,
    tokenTtlSeconds: opts.tokenTtlSeconds,
    password: opts.password ?? 'Test-Passw0rd!',
    logger: false,
    now: opts.now,
  });
  let bff: FastifyInstance | undefined;
  try {
    const config = loadBffConfig(
      {},
      {
        romaEndpoint: romaLocal.url,
        iamEndpoint: romaLocal.url,
        logger: false,
        ...(opts.now ? { now: opts.now } : {}),
        ...opts.bff,
      },
    );
    bff = await buildBff(config);
    await bff.listen({ host: '127.0.0.1', port: 0 });
  } catch (err) {
    await bff?.close();
    await romaLocal.close();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  const addr = bff.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const bffUrl = `http://127.0.0.1:${port}`;
  const account = romaLocal.account;
  const app = bff;

  return {
    romaLocal,
    bff: app,
    bffUrl,
    account,
    dataDir,
    async login(overrides = {}) {
      const res = await call(bffUrl, '/bff/login', {
        method: 'POST',
        body: {
          username: account.user,
          password: account.password,
          domain: account.domain,
          project: account.project,
          ...overrides,
        },
      });
      const cookie = sessionCookieValue(res.setCookies);
      if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${res.text}`);
      return { cookie, body: res.json, setCookie: res.setCookies.find((c) => c.startsWith('roma_sid='))! };
    },
    async close() {
      await app.close();
      await romaLocal.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
