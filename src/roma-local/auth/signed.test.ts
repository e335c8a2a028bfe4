// AK/SK (SDK-HMAC-SHA256) on every family, against a real roma-local: signed calls work like token
// calls; a stale date, an unknown key, a wrong signature or a tampered request get 401 APIGW.0301.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clock, login, start, tempDir, type Res } from '../test-helpers';
import { signRequest } from './sdk-signer';

const AK = 'SCRIPTACCESSKEY0001';
const SK = 'script-secret-key-for-tests';

interface SignedOpts { ak?: string; sk?: string; body?: unknown; headers?: Record<string, string>; date?: number; signedHeaders?: string[] }

describe('AK/SK signed requests', () => {
  const c = clock();
  let h: Awaited<ReturnType<typeof start>>;
  let pid: string;
  let base: string;

  /** Signs like the SDK (every header sent + host + x-sdk-date) and sends with fetch. */
  const signed = async (method: string, path: string, o: SignedOpts = {}, tamper?: (hs: Record<string, string>) => void): Promise<Res> => {
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    const headers = signRequest({
      method, url: `${h.url}${path}`, ak: o.ak ?? AK, sk: o.sk ?? SK, body, date: o.date ?? c.now(), signedHeaders: o.signedHeaders,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }), 'X-Project-Id': pid, ...o.headers },
    });
    tamper?.(headers);
    return call(h.url, method, path, body === undefined ? { headers } : { headers, raw: body });
  };

  beforeAll(async () => {
    h = await start({ dataDir: tempDir(), now: c.now, accessKey: { accessKey: AK, secretKey: SK } });
    pid = h.account.projectId;
    const token = await login(h.url);
    const instanceId = (await call(h.url, 'GET', `/v2/${pid}/instances`, { token })).body.instances[0].id as string;
    base = `/v2/${pid}/instances/${instanceId}`;
  });
  afterAll(async () => { await h.close(); });

  it('lists instances, apps and dictionaries, and reads the APIC instance detail', async () => {
    expect((await signed('GET', `/v2/${pid}/instances`)).body.instances.length).toBeGreaterThan(0);
    const apps = await signed('GET', `${base}/apps?limit=5&offset=0`);
    expect(apps.status).toBe(200);
    expect(apps.body).toHaveProperty('apps');
    const dicts = await signed('GET', `${base}/dictionaries?parent_code=GENDER`);
    expect(dicts.body.dictionaries.map((d: { code: string }) => d.code)).toEqual(['MALE', 'FEMALE', 'UNKNOWN']);
    const apic = await signed('GET', `/v2/${pid}/apic/instances/${base.split('/').pop()}`);
    expect(apic.status).toBe(200);
  });

  it('creates, updates and deletes with a signed body; the caller is the key owner', async () => {
    const created = await signed('POST', `${base}/apps`, { body: { name: 'signed_app', remark: 'made with AK/SK' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.created_user.user_name).toBe('admin');
    const updated = await signed('PUT', `${base}/apps/${id}`, { body: { name: 'signed_app', remark: 'changed' } });
    expect(updated.body.remark).toBe('changed');
    const dict = await signed('POST', `${base}/dictionaries`, { body: { name: 'Signed', code: 'SIGNED_DICT' } });
    expect(dict.status).toBe(201);
    expect((await signed('DELETE', `${base}/dictionaries/${dict.body.id}`)).status).toBe(204);
    expect((await signed('DELETE', `${base}/apps/${id}`)).status).toBe(204);
  });

  it('works without X-Project-Id (project from the path), with a query in any order and odd characters', async () => {
    const headers = signRequest({ method: 'GET', url: `${h.url}${base}/apps?offset=0&name=${encodeURIComponent("a b'(x)")}&limit=3`, ak: AK, sk: SK, date: c.now() });
    expect((await call(h.url, 'GET', `${base}/apps?offset=0&name=${encodeURIComponent("a b'(x)")}&limit=3`, { headers })).status).toBe(200);
  });

  it('accepts X-Sdk-Date up to 15 minutes off, refuses a replayed old or a future date', async () => {
    const p = `${base}/apps`;
    expect((await signed('GET', p, { date: c.now() - 15 * 60_000 })).status).toBe(200);
    expect((await signed('GET', p, { date: c.now() + 15 * 60_000 })).status).toBe(200);
    for (const date of [c.now() - 15 * 60_000 - 1000, c.now() + 16 * 60_000]) {
      const r = await signed('GET', p, { date });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error_code: 'APIGW.0301' });
      expect(r.body.error_msg).toMatch(/^Incorrect IAM authentication information: .*expired/);
      expect(r.body.request_id).toBe(r.headers.get('x-request-id'));
    }
    // a request captured now and replayed 16 minutes later
    const captured = signRequest({ method: 'GET', url: `${h.url}${p}`, ak: AK, sk: SK, date: c.now() });
    expect((await call(h.url, 'GET', p, { headers: captured })).status).toBe(200);
    c.advance(16 * 60_000);
    expect((await call(h.url, 'GET', p, { headers: captured })).body.error_code).toBe('APIGW.0301');
  });

  it('refuses an unknown key and a wrong secret', async () => {
    const unknown = await signed('GET', `${base}/apps`, { ak: 'NOSUCHACCESSKEY00000' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error_msg).toMatch(/Get secretKey failed/);
    const wrong = await signed('GET', `${base}/apps`, { sk: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error_msg).toMatch(/verify aksk signature fail/);
  });

  it('refuses tampering with a signed header, the path, the query, the method or the body', async () => {
    const apps = `${base}/apps`;
    const r1 = await signed('GET', apps, {}, (hs) => { hs['X-Project-Id'] = '0'.repeat(32); });
    expect(r1.status).toBe(401);
    const headers = signRequest({ method: 'GET', url: `${h.url}${apps}?limit=1`, ak: AK, sk: SK, date: c.now() });
    expect((await call(h.url, 'GET', `${apps}?limit=2`, { headers })).status).toBe(401);
    expect((await call(h.url, 'GET', `${base}/dictionaries?limit=1`, { headers })).status).toBe(401);
    expect((await call(h.url, 'HEAD', `${apps}?limit=1`, { headers })).status).toBe(401);
    const body = JSON.stringify({ name: 'tampered_app' });
    const post = signRequest({ method: 'POST', url: `${h.url}${apps}`, ak: AK, sk: SK, date: c.now(), body, headers: { 'Content-Type': 'application/json' } });
    const r = await call(h.url, 'POST', apps, { headers: post, raw: JSON.stringify({ name: 'other_app' }) });
    expect(r.status).toBe(401);
    expect(r.body.error_code).toBe('APIGW.0301');
    expect((await signed('GET', `${apps}?name=tampered_app`)).body.total + (await signed('GET', `${apps}?name=other_app`)).body.total).toBe(0);
    // a malformed Authorization header is a 401 too, never a 500
    expect((await call(h.url, 'GET', apps, { headers: { authorization: 'SDK-HMAC-SHA256 garbage', 'x-sdk-date': '20260115T080000Z' } })).status).toBe(401);
  });

  it('a key of the domain cannot reach another project; error shapes follow the family', async () => {
    const other = await signed('GET', `/v2/${'f'.repeat(32)}/instances`, { headers: { 'X-Project-Id': 'f'.repeat(32) } });
    expect(other.status).toBe(403);
    expect(other.body.error_code).toBe('ROMA.1006');
    const apic = await signed('GET', `/v2/${pid}/apic/instances/${base.split('/').pop()}`, { sk: 'wrong-secret' });
    expect(apic.status).toBe(401);
    expect(apic.body).toEqual({ error_code: 'APIGW.0301', error_msg: expect.stringMatching(/verify aksk signature fail/) });
  });
});
