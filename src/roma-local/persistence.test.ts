// Restarts keep data and tokens; migrations are idempotent; the generated password is kept.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openDb } from './db/open';
import { migrate, schemaVersion } from './db/migrate';
import { migrations } from './db/migrations/index';
import { initialPasswordPath } from './iam/account';
import { call, login, session, start, tempDir } from './test-helpers';

describe('persistence across restarts', () => {
  it('keeps apps, favourites, dictionaries, secrets and tokens; seeds only once', async () => {
    const dataDir = tempDir();
    const h1 = await start({ dataDir });
    const s1 = await session(h1);
    const app = (await s1.req('POST', '/apps', { body: { name: 'survivor', secret: 'Keep-me-123' } })).body;
    await s1.req('PUT', `/apps/${app.id}`, { body: { favorite: true, remark: 'kept' } });
    await s1.req('POST', '/dictionaries', { body: { name: 'Kept dict', code: 'KEPT' } });
    await s1.req('POST', '/dictionaries', { body: { name: 'Kept child', code: 'KEPT_CHILD', parent_code: 'KEPT' } });
    const demo = (await s1.req('GET', '/validate-apps?name=demo-app')).body;
    expect((await s1.req('DELETE', `/apps/${demo.id}`)).status).toBe(204); // a deleted seed must stay deleted
    await h1.close();

    const h2 = await start({ dataDir });
    expect(h2.account.projectId).toBe(h1.account.projectId);
    // the old token still works after the restart
    const list = await call(h2.url, 'GET', `/v2/${h1.account.projectId}/instances/${s1.instanceId}/apps`, { token: s1.token });
    expect(list.status).toBe(200);
    expect(list.body.apps.map((a: { name: string }) => a.name)).toEqual(['survivor']);
    expect(list.body.apps[0]).toMatchObject({ favorite: true, remark: 'kept' });
    const s2 = await session(h2);
    expect(s2.instanceId).toBe(s1.instanceId);
    expect((await s2.req('GET', `/apps/${app.id}/secret`)).body.secret).toBe('Keep-me-123');
    expect((await s2.req('GET', '/dictionaries?parent_code=KEPT')).body.dictionaries[0].code).toBe('KEPT_CHILD');
    expect((await s2.req('GET', '/dictionaries')).body.total).toBe(4);
    expect((await call(h2.url, 'GET', `/v2/${s2.pid}/instances`, { token: s2.token })).body.total).toBe(1);
    await h2.close();
  });

  it('generates a password once, keeps it in a 0600 file, and reuses it', async () => {
    const dataDir = tempDir();
    const h1 = await start({ dataDir, password: undefined });
    expect(h1.account).toMatchObject({ user: 'admin', domain: 'roma-local', project: 'cn-north-4', passwordGenerated: true });
    expect(h1.account.password.length).toBeGreaterThanOrEqual(20);
    expect(h1.account.projectId).toMatch(/^[0-9a-f]{32}$/);
    const file = initialPasswordPath(dataDir);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(h1.account.password);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await login(h1.url, { password: h1.account.password });
    await h1.close();

    const h2 = await start({ dataDir, password: undefined });
    expect(h2.account.passwordGenerated).toBe(false);
    expect(h2.account.password).toBe(h1.account.password);
    await login(h2.url, { password: h1.account.password });
    // the password is stored hashed, never in clear
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    const row = db.prepare("SELECT password_hash FROM users WHERE name = 'admin'").get() as { password_hash: string };
    db.close();
    expect(row.password_hash.startsWith('scrypt$')).toBe(true);
    expect(row.password_hash).not.toContain(h1.account.password);
    await h2.close();

    // an explicit password replaces it and revokes older tokens
    const h3 = await start({ dataDir, password: 'Another-Password-9' });
    expect(h3.account).toMatchObject({ password: 'Another-Password-9', passwordGenerated: false });
    const r = await call(h3.url, 'POST', '/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'roma-local' }, name: 'admin', password: h1.account.password } } }, scope: { project: { name: 'cn-north-4' } } } },
    });
    expect(r.status).toBe(401);
    await login(h3.url, { password: 'Another-Password-9' });
    await h3.close();
  });

  it('honours custom user, domain and project names', async () => {
    const h = await start({ user: 'ops', domain: 'acme', project: 'ap-southeast-1' });
    const token = await login(h.url, { user: 'ops', domain: 'acme', scope: { project: { name: 'ap-southeast-1' } } });
    const r = await call(h.url, 'GET', `/v2/${h.account.projectId}/instances`, { token });
    expect(r.body.instances[0].available_zone_ids).toEqual(['ap-southeast-1a', 'ap-southeast-1b']);
    await h.close();
  });
});

describe('migrations', () => {
  it('bring a new database to the latest version, and re-running is a no-op', () => {
    const dataDir = tempDir();
    const db = openDb(dataDir);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const before = tables();
    expect(before).toEqual(expect.arrayContaining(['apps', 'app_members', 'app_favorites', 'dictionaries', 'instances', 'tokens', 'users']));
    expect(migrate(db)).toBe(migrations.length);
    expect(migrate(db)).toBe(migrations.length);
    expect(tables()).toEqual(before);
    db.close();
    const again = openDb(dataDir);
    expect(schemaVersion(again)).toBe(migrations.length);
    again.close();
  });

  it('apply step by step from an older version, and refuse a newer database', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations.slice(0, 2))).toBe(2);
    expect(migrate(db)).toBe(migrations.length);
    expect(() => migrate(db, migrations.slice(0, 1))).toThrow(/newer/);
    db.close();
  });

  it('roll back a failing migration completely', () => {
    const db = new Database(':memory:');
    const bad = { version: migrations.length + 1, name: 'bad', up: (d: Database.Database) => { d.exec('CREATE TABLE half (x)'); throw new Error('boom'); } };
    expect(() => migrate(db, [...migrations, bad])).toThrow('boom');
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});
