import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appCandidatesResponse, appMembersResponse, appSecretResponse, appStrict, listEnvelope, romaErrorBody, validateAppResponse,
} from '../../contract/index';
import { clock, session, start } from '../test-helpers';

const appList = listEnvelope('apps', appStrict).strict();

describe('integration apps', () => {
  const c = clock();
  let h: Awaited<ReturnType<typeof start>>;
  let s: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => { h = await start({ now: c.now }); s = await session(h); });
  afterAll(async () => { await h.close(); });

  const create = async (body: Record<string, unknown>) => {
    c.advance(1000);
    return s.req('POST', '/apps', { body });
  };

  it('lists the seeded demo-app owned by the caller', async () => {
    const r = await s.req('GET', '/apps');
    const body = appList.parse(r.body);
    expect(body.total).toBe(1);
    expect(body.apps[0]).toMatchObject({ name: 'demo-app', owner: true, favorite: false, roles: ['read', 'access', 'delete', 'modify', 'admin'] });
  });

  it('creates (201) with generated key and secret; name and key unique (409)', async () => {
    const r = await create({ name: 'orders (测试)', remark: 'first' });
    expect(r.status).toBe(201);
    const a = appStrict.strict().parse(r.body);
    expect(a).toMatchObject({ name: 'orders (测试)', remark: 'first', owner: true, favorite: false, created_user: { user_name: 'admin' } });
    expect(a.key.length).toBeGreaterThanOrEqual(16);
    expect(a.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const secret = await s.req('GET', `/apps/${a.id}/secret`);
    expect(appSecretResponse.parse(secret.body).secret.length).toBeGreaterThanOrEqual(16);

    const dupName = await create({ name: 'orders (测试)' });
    expect(dupName.status).toBe(409);
    expect(romaErrorBody.parse(dupName.body).error_code).toBe('ROMA.00110007');
    const withKey = await create({ name: 'keyed', key: 'myKey_01', secret: 'Secret-value.1', favorite: true });
    expect(withKey.status).toBe(201);
    expect(withKey.body).toMatchObject({ key: 'myKey_01', favorite: true });
    expect((await s.req('GET', `/apps/${withKey.body.id}/secret`)).body.secret).toBe('Secret-value.1');
    expect((await create({ name: 'other', key: 'myKey_01' })).status).toBe(409);
  });

  it('shows, updates partially, and checks name uniqueness on update', async () => {
    const a = (await create({ name: 'to-update', remark: 'r1' })).body;
    c.advance(5000);
    const u = await s.req('PUT', `/apps/${a.id}`, { body: { remark: 'r2' } });
    expect(u.status).toBe(200);
    expect(appStrict.parse(u.body)).toMatchObject({ name: 'to-update', remark: 'r2' });
    expect(u.body.update_time).not.toBe(a.update_time);
    expect((await s.req('PUT', `/apps/${a.id}`, { body: { name: 'demo-app' } })).status).toBe(409);
    expect((await s.req('PUT', `/apps/${a.id}`, { body: { name: 'to-update' } })).status).toBe(200); // its own name
    expect((await s.req('PUT', `/apps/${a.id}`, { body: {} })).status).toBe(400);
    expect((await s.req('PUT', `/apps/${a.id}`, { body: { key: 'x' } })).body.error_msg).toContain('key');
    const shown = await s.req('GET', `/apps/${a.id}`);
    expect(appStrict.parse(shown.body)).toMatchObject({ id: a.id, remark: 'r2' });
  });

  it('deletes (204, then 404 everywhere)', async () => {
    const a = (await create({ name: 'to-delete' })).body;
    const d = await s.req('DELETE', `/apps/${a.id}`);
    expect(d.status).toBe(204);
    expect(d.text).toBe('');
    for (const [m, p] of [['GET', ''], ['PUT', ''], ['DELETE', ''], ['GET', '/secret'], ['GET', '/users'], ['GET', '/candidates']] as const) {
      const r = await s.req(m, `/apps/${a.id}${p}`, m === 'PUT' ? { body: { remark: 'x' } } : {});
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(r.body).toMatchObject({ error_code: 'ROMA.00110006', error_msg: `The resource does not exist. Check whether the resource ID ${a.id} is correct.` });
    }
  });

  it('resets the secret: custom, generated on null/absent/{}, invalid rejected', async () => {
    const a = (await create({ name: 'secrets' })).body;
    const before = (await s.req('GET', `/apps/${a.id}/secret`)).body.secret;
    const custom = await s.req('PUT', `/apps/${a.id}/secret`, { body: { secret: 'New+Secret/1=' } });
    expect(custom.body).toEqual({ id: a.id, secret: 'New+Secret/1=' });
    for (const body of [{ secret: null }, {}, undefined]) {
      const r = await s.req('PUT', `/apps/${a.id}/secret`, body === undefined ? {} : { body });
      expect(r.status).toBe(200);
      expect(appSecretResponse.parse(r.body).secret).not.toBe(before);
    }
    const bad = await s.req('PUT', `/apps/${a.id}/secret`, { body: { secret: 'has space in it' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error_msg).toContain('secret');
  });

  it('members: creator is admin; replace with known users; unknown id → 400; candidates', async () => {
    const a = (await create({ name: 'team' })).body;
    const m0 = appMembersResponse.parse((await s.req('GET', `/apps/${a.id}/users`)).body);
    expect(m0).toMatchObject({ total: 1, id: a.id });
    expect(m0.users[0]).toMatchObject({ name: 'admin', roles: ['read', 'access', 'delete', 'modify', 'admin'] });

    const cands = appCandidatesResponse.parse((await s.req('GET', `/apps/${a.id}/candidates`)).body).users;
    expect(cands.map((u) => u.name).sort()).toEqual(['admin', 'alice', 'bob', 'carol']);
    const alice = cands.find((u) => u.name === 'alice')?.id as string;
    const bob = cands.find((u) => u.name === 'bob')?.id as string;
    const admin = cands.find((u) => u.name === 'admin')?.id as string;

    const put = await s.req('PUT', `/apps/${a.id}/users`, {
      body: { users: [{ id: admin, roles: ['admin'] }, { id: alice, roles: ['modify'] }, { id: bob, roles: ['read'] }] },
    });
    expect(put.status).toBe(200);
    const m1 = appMembersResponse.parse(put.body);
    expect(m1.total).toBe(3);
    expect(m1.users.find((u) => u.id === alice)?.roles).toEqual(['read', 'modify']);
    const only = (await s.req('GET', `/apps/${a.id}/users?user_name=bob`)).body;
    expect(only).toMatchObject({ total: 1, users: [{ name: 'bob', roles: ['read'] }] });
    const nonMembers = (await s.req('GET', `/apps/${a.id}/candidates?filter=members`)).body.users;
    expect(nonMembers.map((u: { name: string }) => u.name)).toEqual(['carol']);

    const unknown = await s.req('PUT', `/apps/${a.id}/users`, { body: { users: [{ id: alice, roles: ['read'] }, { id: 'ghost', roles: ['read'] }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error_msg).toContain('ghost');
    expect((await s.req('GET', `/apps/${a.id}/users`)).body.total).toBe(3); // nothing half-written
    expect((await s.req('PUT', `/apps/${a.id}/users`, { body: { users: [{ id: alice, roles: ['root'] }] } })).status).toBe(400);
    expect((await s.req('GET', `/apps/${a.id}/candidates?filter=all`)).status).toBe(400);

    // user_name filter on the list; an empty member list still leaves the creator in charge
    const byAlice = (await s.req('GET', '/apps?user_name=alice')).body;
    expect(byAlice.apps.map((x: { name: string }) => x.name)).toEqual(['team']);
    expect((await s.req('PUT', `/apps/${a.id}/users`, { body: { users: [] } })).body).toEqual({ total: 0, id: a.id, users: [] });
    expect((await s.req('GET', `/apps/${a.id}`)).body.roles).toContain('admin');
  });

  it('validate-apps: 200 {id,name,remark} or 404', async () => {
    const r = await s.req('GET', '/validate-apps?name=demo-app');
    expect(r.status).toBe(200);
    const v = validateAppResponse.strict().parse(r.body);
    expect(v.name).toBe('demo-app');
    expect((await s.req('GET', `/validate-apps?id=${v.id}`)).status).toBe(200);
    const key = (await s.req('GET', `/apps/${v.id}`)).body.key;
    expect((await s.req('GET', `/validate-apps?key=${key}`)).body.id).toBe(v.id);
    expect((await s.req('GET', '/validate-apps?name=DEMO-APP')).status).toBe(404); // exact match
    const nf = await s.req('GET', '/validate-apps?name=absent');
    expect(nf.status).toBe(404);
    expect(romaErrorBody.parse(nf.body).error_code).toBe('ROMA.00110006');
    expect((await s.req('GET', '/validate-apps')).status).toBe(400);
  });

  it('list: paging totals, favourites first then newest, filters', async () => {
    for (let i = 0; i < 5; i++) await create({ name: `Paged-${i}` });
    const all = appList.parse((await s.req('GET', '/apps?limit=1000')).body);
    expect(all.size).toBe(all.total);
    // favourites first, then create_time descending
    const favs = all.apps.filter((a) => a.favorite);
    expect(all.apps.slice(0, favs.length).every((a) => a.favorite)).toBe(true);
    const rest = all.apps.slice(favs.length).map((a) => a.create_time);
    expect([...rest].sort().reverse()).toEqual(rest);
    expect(all.apps[favs.length]?.name).toBe('Paged-4');

    const p1 = (await s.req('GET', '/apps?offset=0&limit=2')).body;
    const p2 = (await s.req('GET', '/apps?offset=2&limit=2')).body;
    expect(p1).toMatchObject({ total: all.total, size: 2 });
    expect(p2.apps[0].id).toBe(all.apps[2]?.id);
    const beyond = (await s.req('GET', `/apps?offset=${all.total}`)).body;
    expect(beyond).toEqual({ total: all.total, size: 0, apps: [] });

    const byName = (await s.req('GET', '/apps?name=paged')).body; // fuzzy, case-insensitive
    expect(byName.total).toBe(5);
    expect((await s.req('GET', `/apps?name=${encodeURIComponent('测试')}`)).body.total).toBe(1);
    const favOnly = (await s.req('GET', '/apps?favorite=true')).body;
    expect(favOnly.apps.every((a: { favorite: boolean }) => a.favorite)).toBe(true);
    expect(favOnly.total).toBe(favs.length);
    expect((await s.req('GET', '/apps?favorite=false')).body.total).toBe(all.total - favs.length);
    expect((await s.req('GET', '/apps?owner=true')).body.total).toBe(all.total);
    expect((await s.req('GET', '/apps?owner=false')).body.total).toBe(0);
    expect((await s.req('GET', '/apps?auth_role=delete')).body.total).toBe(all.total);
    expect((await s.req('GET', '/apps?user_name=carol')).body.total).toBe(0);

    // favourite toggle is per caller and moves the app to the front
    const last = all.apps[all.apps.length - 1] as { id: string };
    await s.req('PUT', `/apps/${last.id}`, { body: { favorite: true } });
    const after = (await s.req('GET', '/apps?limit=1')).body;
    expect(after.apps[0].favorite).toBe(true);

    for (const bad of ['favorite=yes', 'auth_role=root', 'owner=1', 'limit=0', 'offset=-2', 'limit=1001']) {
      const r = await s.req('GET', `/apps?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error_code).toBe('ROMA.13000');
    }
  });
});
