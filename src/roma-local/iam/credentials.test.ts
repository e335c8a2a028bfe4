// IAM permanent access keys over HTTP: create shows the SK once, list/show never; a created key
// signs requests until deleted; the env pair is reconciled on every start; SKs are not stored in clear.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../auth/sdk-signer';
import { DB_FILE } from '../db/open';
import { call, clock, login, start, tempDir } from '../test-helpers';
import { checkEnvPair, keyFilePath } from './access-keys';

const BASE = '/v3.0/OS-CREDENTIAL/credentials';

describe('IAM /v3.0/OS-CREDENTIAL/credentials', () => {
  const c = clock();
  const dataDir = tempDir();
  let h: Awaited<ReturnType<typeof start>>;
  let token: string;
  let userId: string;

  const signedGet = (path: string, ak: string, sk: string) =>
    call(h.url, 'GET', path, { headers: signRequest({ method: 'GET', url: `${h.url}${path}`, ak, sk, date: c.now() }) });

  beforeAll(async () => {
    h = await start({ dataDir, now: c.now });
    const r = await call(h.url, 'POST', '/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password: 'Test-Password-123' } } }, scope: { project: { name: 'cn-north-4' } } } },
    });
    token = r.headers.get('x-subject-token') as string;
    userId = r.body.token.user.id;
  });
  afterAll(async () => { await h.close(); });

  it('creates a key (201, SK once), lists and shows it without the SK, and the key signs requests', async () => {
    const r = await call(h.url, 'POST', BASE, { token, body: { credential: { user_id: userId, description: 'ci' } } });
    expect(r.status).toBe(201);
    const k = r.body.credential;
    expect(k).toMatchObject({ user_id: userId, status: 'active', description: 'ci' });
    expect(k.access).toMatch(/^[A-Z0-9]{20}$/);
    expect(k.secret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(k.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const list = await call(h.url, 'GET', BASE, { token });
    expect(list.status).toBe(200);
    expect(list.body.credentials).toEqual([{ user_id: userId, access: k.access, status: 'active', create_time: k.create_time, description: 'ci' }]);
    expect(list.text).not.toContain(k.secret);
    const one = await call(h.url, 'GET', `${BASE}/${k.access}`, { token });
    expect(one.body.credential.access).toBe(k.access);
    expect(one.text).not.toContain(k.secret);
    const pid = h.account.projectId;
    expect((await signedGet(`/v2/${pid}/instances`, k.access, k.secret)).status).toBe(200);
    // the SK is not in the database file in clear; the key file is private
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    const rows = db.prepare('SELECT secret_enc FROM access_keys').all() as { secret_enc: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => !x.secret_enc.includes(k.secret))).toBe(true);
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o077).toBe(0);
    // a key manages keys too (signed IAM call)
    expect((await signedGet(BASE, k.access, k.secret)).body.credentials).toHaveLength(1);
  });

  it('limits a user to two keys (400 akSkNumExceed), deletes (204) and the deleted key stops working', async () => {
    const second = await call(h.url, 'POST', BASE, { token, body: { credential: { user_id: userId } } });
    expect(second.status).toBe(201);
    const third = await call(h.url, 'POST', BASE, { token, body: { credential: { user_id: userId } } });
    expect(third.status).toBe(400);
    expect(third.body.error).toMatchObject({ code: 400, message: 'akSkNumExceed' });
    const { access, secret } = second.body.credential;
    expect((await call(h.url, 'DELETE', `${BASE}/${access}`, { token })).status).toBe(204);
    expect((await call(h.url, 'GET', `${BASE}/${access}`, { token })).status).toBe(404);
    expect((await call(h.url, 'DELETE', `${BASE}/${access}`, { token })).status).toBe(404);
    const r = await signedGet(`/v2/${h.account.projectId}/instances`, access, secret);
    expect(r.status).toBe(401);
    expect(r.body.error_code).toBe('APIGW.0301');
  });

  it('validates input and authentication in the IAM shape', async () => {
    expect((await call(h.url, 'GET', BASE)).status).toBe(401);
    expect((await call(h.url, 'GET', BASE, { token: 'nope' })).body.error.code).toBe(401);
    for (const body of [{}, { credential: {} }, { credential: { user_id: 5 } }, { credential: { user_id: userId, description: 'x'.repeat(300) } }]) {
      const r = await call(h.url, 'POST', BASE, { token, body });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe(400);
    }
    expect((await call(h.url, 'POST', BASE, { token, body: { credential: { user_id: '0'.repeat(32) } } })).status).toBe(404);
    expect((await call(h.url, 'GET', `${BASE}?user_id=${'0'.repeat(32)}`, { token })).status).toBe(404);
    expect((await call(h.url, 'PUT', BASE, { token, body: {} })).status).toBe(405);
  });

  it('keeps keys across restarts and reconciles the env pair', async () => {
    const made = (await call(h.url, 'GET', BASE, { token })).body.credentials.length as number;
    await h.close();
    h = await start({ dataDir, now: c.now, accessKey: { accessKey: 'ENVKEY0001', secretKey: 'env-secret-1' } });
    const t = await login(h.url);
    const pid = h.account.projectId;
    expect((await signedGet(`/v2/${pid}/instances`, 'ENVKEY0001', 'env-secret-1')).status).toBe(200);
    expect((await call(h.url, 'GET', BASE, { token: t })).body.credentials).toHaveLength(made + 1);
    await h.close();
    // new secret for the same AK: the old one stops working
    h = await start({ dataDir, now: c.now, accessKey: { accessKey: 'ENVKEY0001', secretKey: 'env-secret-2' } });
    expect((await signedGet(`/v2/${pid}/instances`, 'ENVKEY0001', 'env-secret-1')).status).toBe(401);
    expect((await signedGet(`/v2/${pid}/instances`, 'ENVKEY0001', 'env-secret-2')).status).toBe(200);
    await h.close();
    // unset: the env key is gone, the API-created ones stay
    h = await start({ dataDir, now: c.now });
    expect((await signedGet(`/v2/${pid}/instances`, 'ENVKEY0001', 'env-secret-2')).status).toBe(401);
    expect((await call(h.url, 'GET', BASE, { token: await login(h.url) })).body.credentials).toHaveLength(made);
  });

  it('checks the env pair shape', () => {
    expect(checkEnvPair(undefined, '')).toBeUndefined();
    expect(checkEnvPair(' AK12 ', 'secret-123')).toEqual({ accessKey: 'AK12', secretKey: 'secret-123' });
    expect(() => checkEnvPair('AK12', undefined)).toThrow(/both/);
    expect(() => checkEnvPair('A,K', 'secret-123')).toThrow(/ROMA_LOCAL_ACCESS_KEY/);
    expect(() => checkEnvPair('AK12', 'short')).toThrow(/ROMA_LOCAL_SECRET_KEY/);
  });
});
