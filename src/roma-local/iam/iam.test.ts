import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamErrorBody, tokenResponse } from '../../contract/index';
import { call, clock, PASSWORD, start, tokenBody } from '../test-helpers';

describe('IAM POST /v3/auth/tokens', () => {
  const c = clock();
  let h: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => { h = await start({ now: c.now, tokenTtlSeconds: 3600 }); });
  afterAll(async () => { await h.close(); });

  const post = (body: unknown, q = '', headers: Record<string, string> = {}) =>
    call(h.url, 'POST', `/v3/auth/tokens${q}`, { body, headers });

  it('issues a project-scoped token (201, X-Subject-Token, body per contract)', async () => {
    const r = await post(tokenBody());
    expect(r.status).toBe(201);
    const token = r.headers.get('x-subject-token') ?? '';
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const t = tokenResponse.parse(r.body).token;
    expect(t.project).toMatchObject({ id: h.account.projectId, name: 'cn-north-4', domain: { name: 'roma-local' } });
    expect(t.user).toMatchObject({ name: 'admin', password_expires_at: '' });
    expect(t.methods).toEqual(['password']);
    expect(t.issued_at).toBe(new Date(c.now()).toISOString());
    expect(Date.parse(t.expires_at) - Date.parse(t.issued_at)).toBe(3600_000);
    expect(t.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Array.isArray(t.catalog)).toBe(true);
    expect(r.text).not.toContain(token); // the token lives in the header only
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('omits the catalog with ?nocatalog=true and scopes by project id', async () => {
    const r = await post(tokenBody({ scope: { project: { id: h.account.projectId } } }), '?nocatalog=true');
    expect(r.status).toBe(201);
    expect(r.body.token.catalog).toBeUndefined();
    expect(r.body.token.project.id).toBe(h.account.projectId);
  });

  it('answers an SDK-signed request (Authorization header) on the password in its body', async () => {
    const headers = { authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc', 'x-sdk-date': '20260115T080000Z' };
    expect((await post(tokenBody(), '', headers)).status).toBe(201);
    expect((await post(tokenBody({ password: 'wrong' }), '', headers)).status).toBe(401);
  });

  it('issues a domain-scoped token when asked', async () => {
    const r = await post(tokenBody({ scope: { domain: { name: 'roma-local' } } }));
    expect(r.status).toBe(201);
    expect(r.body.token.domain.name).toBe('roma-local');
    expect(r.body.token.project).toBeUndefined();
  });

  it.each([
    ['wrong password', { password: 'nope' }],
    ['unknown user', { user: 'mallory' }],
    ['wrong domain', { domain: 'other' }],
    ['colleague without a login', { user: 'alice' }],
    ['unknown project', { scope: { project: { name: 'eu-west-0' } } }],
    ['unknown project id', { scope: { project: { id: '0'.repeat(32) } } }],
    ['foreign domain scope', { scope: { domain: { name: 'other' } } }],
  ])('401 for %s in the IAM error shape', async (_name, over) => {
    const r = await post(tokenBody(over));
    expect(r.status).toBe(401);
    expect(iamErrorBody.parse(r.body).error).toMatchObject({ code: 401, title: 'Unauthorized' });
    expect(r.headers.get('x-subject-token')).toBeNull();
  });

  it.each([
    ['empty object', {}],
    ['array', []],
    ['methods token', { auth: { ...tokenBody().auth, identity: { ...tokenBody().auth.identity, methods: ['token'] } } }],
    ['no scope', { auth: { identity: tokenBody().auth.identity } }],
    ['password as number', JSON.parse(JSON.stringify(tokenBody()).replace(`"${PASSWORD}"`, '12345'))],
    ['scope without id or name', tokenBody({ scope: { project: {} } })],
  ])('400 for a malformed body: %s', async (_name, body) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(iamErrorBody.parse(r.body).error.code).toBe(400);
  });

  it('400 for invalid JSON and a missing body; 415 for another content type', async () => {
    expect((await call(h.url, 'POST', '/v3/auth/tokens', { raw: '{"auth":' })).status).toBe(400);
    expect((await call(h.url, 'POST', '/v3/auth/tokens', { raw: '' })).status).toBe(400);
    const r = await call(h.url, 'POST', '/v3/auth/tokens', { raw: 'auth', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
    expect(iamErrorBody.safeParse(r.body).success).toBe(true);
  });

  it('405 for other methods, in the IAM shape', async () => {
    const r = await call(h.url, 'GET', '/v3/auth/tokens');
    expect(r.status).toBe(405);
    expect(iamErrorBody.safeParse(r.body).success).toBe(true);
  });

  it('rejects a token once it expired', async () => {
    const token = (await post(tokenBody())).headers.get('x-subject-token') as string;
    const path = `/v2/${h.account.projectId}/instances`;
    expect((await call(h.url, 'GET', path, { token })).status).toBe(200);
    c.advance(3600_000 - 1);
    expect((await call(h.url, 'GET', path, { token })).status).toBe(200);
    c.advance(1);
    const r = await call(h.url, 'GET', path, { token });
    expect(r.status).toBe(401);
    expect(r.body.error_code).toBe('ROMA.1002');
  });
});
