// Two (or three) BFF replicas behind one address sharing sessions and the login rate limit in
// the machine's real Redis (a unique key prefix for this file), in front of one real roma-local.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openToken } from '../../src/bff/session/token-crypto';
import { call } from '../support/http';
import { dropRedisPrefix, expectBffErrorShape, REDIS_URL, startRelay, startTeam, uniquePrefix, unreachable, type Team } from './bff-team-support';

const skip = await unreachable(REDIS_URL);
const MIN = 60_000;
const key = Buffer.from('0123456789abcdef0123456789abcdef');
const hash = (id: string) => createHash('sha256').update(id).digest('base64url');

describe.skipIf(skip)('BFF replicas sharing Redis', () => {
  const prefix = uniquePrefix('replicas');
  let t = Date.now();
  const clock = () => t;
  let team: Team;
  let redis: Redis;
  beforeAll(async () => {
    team = await startTeam(2, {
      redisUrl: REDIS_URL,
      redisKeyPrefix: prefix,
      sessionEncryptionKey: key,
      now: clock,
      absoluteTimeoutMs: 120 * MIN,
      loginRateLimit: { max: 3, windowMs: 60_000 },
    });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await team?.close();
    redis?.disconnect();
    await dropRedisPrefix(prefix);
  });
  const api = () => `/api/v2/${team.account.projectId}/instances`;
  const [A, B] = [0, 1];

  it('log in on one replica, call through the other; GET /bff/session agrees', async () => {
    const cookie = await team.login(A);
    expect((await call(team.urls[B]!, api(), { cookie })).status).toBe(200);
    expect((await call(team.urls[B]!, '/bff/session', { cookie })).json).toMatchObject({ authenticated: true, user: team.account.user });
    const health = await call(team.urls[B]!, '/healthz', { csrf: false });
    expect(health.json).toMatchObject({ status: 'ok', sessions: { store: 'redis', ok: true } });
  });

  it('stores only the hash of the session id, and the IAM token sealed (it opens with the key and works upstream)', async () => {
    const cookie = await team.login(A);
    expect(await redis.exists(`${prefix}sess:${cookie}`)).toBe(0);
    const raw = await redis.get(`${prefix}sess:${hash(cookie)}`);
    expect(raw).toBeTruthy();
    const stored = JSON.parse(raw!) as { token: { iv: string; tag: string; ct: string }; user: { name: string } };
    expect(stored.user.name).toBe(team.account.user);
    const token = openToken(key, stored.token, hash(cookie))!;
    expect(token.length).toBeGreaterThan(10);
    expect(raw).not.toContain(token);
    // The sealed token is the real one: roma-local accepts it.
    const direct = await call(team.romaLocal.url, `/v2/${team.account.projectId}/instances`, { csrf: false, headers: { 'x-auth-token': token } });
    expect(direct.status).toBe(200);
    const ttl = await redis.pttl(`${prefix}sess:${hash(cookie)}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * MIN);
  });

  it('logout on either replica ends the session on all; the replayed cookie is refused', async () => {
    for (const [loginOn, logoutOn] of [[A, B], [B, A]] as const) {
      const cookie = await team.login(loginOn);
      expect((await call(team.urls[logoutOn]!, '/bff/logout', { method: 'POST', cookie })).status).toBe(204);
      for (const url of team.urls) {
        const res = await call(url, api(), { cookie });
        expect(res.status).toBe(401);
        expect(expectBffErrorShape(res).code).toBe('BFF.0002');
        expect((await call(url, '/bff/session', { cookie })).json).toMatchObject({ authenticated: false });
      }
    }
  });

  it('a forged cookie, or a session record moved under another id, is refused on every replica', async () => {
    const forged = 'Z'.repeat(43);
    for (const url of team.urls) expect((await call(url, api(), { cookie: forged })).status).toBe(401);
    // Copy a real record under the hash of an id the attacker chose: the token does not open there.
    const real = await team.login(A);
    const raw = await redis.get(`${prefix}sess:${hash(real)}`);
    await redis.set(`${prefix}sess:${hash(forged)}`, raw!, 'PX', 60_000);
    const res = await call(team.urls[B]!, api(), { cookie: forged });
    expect(res.status).toBe(401);
    expect(await redis.exists(`${prefix}sess:${hash(forged)}`)).toBe(0); // dropped as damaged
    // A changed byte in the ciphertext: refused as well.
    const rec = JSON.parse(raw!) as { token: { ct: string } };
    const ct = Buffer.from(rec.token.ct, 'base64');
    ct[3] = ct[3]! ^ 0xff;
    rec.token.ct = ct.toString('base64');
    await redis.set(`${prefix}sess:${hash(real)}`, JSON.stringify(rec), 'KEEPTTL');
    expect((await call(team.urls[A]!, api(), { cookie: real })).status).toBe(401);
  });

  it('idle timeout holds across replicas: use on one extends it on the other; expiry seen by both', async () => {
    const cookie = await team.login(A);
    t += 20 * MIN;
    expect((await call(team.urls[B]!, api(), { cookie })).status).toBe(200); // touch on B
    t += 20 * MIN; // 40 min after login, 20 after B's touch
    expect((await call(team.urls[A]!, api(), { cookie })).status).toBe(200);
    t += 31 * MIN;
    expect((await call(team.urls[B]!, api(), { cookie })).status).toBe(401);
    t -= 31 * MIN; // gone for good, not just late
    expect((await call(team.urls[A]!, api(), { cookie })).status).toBe(401);
  });

  it('absolute timeout holds across replicas', async () => {
    const cookie = await team.login(B);
    for (let i = 0; i < 11; i++) {
      t += 10 * MIN;
      expect((await call(team.urls[i % 2]!, api(), { cookie })).status).toBe(200);
    }
    t += 10 * MIN;
    expect((await call(team.urls[A]!, api(), { cookie })).status).toBe(401);
    expect((await call(team.urls[B]!, '/bff/session', { cookie })).json).toMatchObject({ authenticated: false });
  });

  it('the login rate limit counts failures on all replicas together', async () => {
    const wrong = { ...team.credentials(), password: 'wrong' };
    const ip = { 'x-forwarded-for': '203.0.113.1' }; // ignored (no TRUST_PROXY): all come from 127.0.0.1
    expect((await call(team.urls[A]!, '/bff/login', { method: 'POST', body: wrong, headers: ip })).status).toBe(401);
    expect((await call(team.urls[B]!, '/bff/login', { method: 'POST', body: wrong })).status).toBe(401);
    expect((await call(team.urls[A]!, '/bff/login', { method: 'POST', body: wrong })).status).toBe(401);
    for (const url of team.urls) {
      const res = await call(url, '/bff/login', { method: 'POST', body: team.credentials() });
      expect(res.status).toBe(429);
      expect(expectBffErrorShape(res).code).toBe('BFF.0005');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    await dropRedisPrefix(`${prefix}rl:`); // let the next tests log in
  });
});

describe.skipIf(skip)('BFF with Redis down and back', () => {
  const prefix = uniquePrefix('outage');
  let team: Team;
  afterAll(async () => {
    await team?.close();
    await dropRedisPrefix(prefix);
  });

  it('answers 503 BFF.0018 with a request id, invents no session, and works again when Redis returns', async () => {
    const relay = await startRelay(REDIS_URL);
    try {
      // Replica 0 talks to Redis directly, replica 1 through the relay we can cut.
      team = await startTeam(1, { redisUrl: REDIS_URL, redisKeyPrefix: prefix, sessionEncryptionKey: key });
      const viaRelay = await team.addReplica({ redisUrl: relay.url });
      const cookie = await team.login(0);
      const api = `/api/v2/${team.account.projectId}/instances`;
      expect((await call(viaRelay, api, { cookie })).status).toBe(200);

      await relay.cut();
      for (const [method, path, body] of [
        ['GET', api, undefined],
        ['POST', `${api}/x/apps`, { name: 'while_redis_down' }],
        ['GET', '/bff/session', undefined],
        ['POST', '/bff/login', team.credentials()],
        ['POST', '/bff/logout', undefined],
      ] as const) {
        const res = await call(viaRelay, path, { method, cookie, body, headers: { 'x-request-id': 'trace-redis-down' } });
        expect(res.status, `${method} ${path}`).toBe(503);
        const e = expectBffErrorShape(res);
        expect(e.code).toBe('BFF.0018');
        expect(e.requestId).toBe('trace-redis-down');
        expect(res.setCookies.filter((c) => !c.startsWith('roma_sid=;'))).toEqual([]); // no session invented
      }
      const health = await call(viaRelay, '/healthz', { csrf: false });
      expect(health.status).toBe(200);
      expect(health.json).toMatchObject({ status: 'degraded', sessions: { store: 'redis', ok: false } });
      // The replica still on Redis is unaffected, and the session is intact there.
      expect((await call(team.urls[0]!, api, { cookie })).status).toBe(200);

      await relay.restore();
      // Wait for the reconnection (ioredis retries at most once a second), bounded.
      for (let i = 0; i < 100; i++) {
        const h = await call(viaRelay, '/healthz', { csrf: false });
        if ((h.json as { sessions: { ok: boolean } }).sessions.ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await call(viaRelay, api, { cookie })).status).toBe(200);
      expect((await call(viaRelay, '/bff/session', { cookie })).json).toMatchObject({ authenticated: true });
    } finally {
      await relay.close();
    }
  });
});
