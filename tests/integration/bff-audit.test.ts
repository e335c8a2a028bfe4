// The audit trail on one node (SQLite in the data folder): every state-changing call through the
// BFF against a real roma-local (apps, dictionaries) and, for the LINK/FDI/APIC paths, against a
// small upstream of this test that answers like the vendor (fixture error bodies).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditItem, AuditPage } from '../../src/bff/audit/types';
import { call } from '../support/http';
import { expectBffErrorShape, startTeam, type Team } from './bff-team-support';

const fixture = (p: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/roma-api-examples', p), 'utf8');

/** Polls GET /bff/audit until `ready` holds (records are written just after the answer goes out). */
async function auditUntil(url: string, cookie: string, query: string, ready: (p: AuditPage) => boolean): Promise<AuditPage> {
  let page: AuditPage = { total: 0, items: [] };
  for (let i = 0; i < 100; i++) {
    const res = await call(url, `/bff/audit${query}`, { cookie });
    expect(res.status).toBe(200);
    page = res.json as AuditPage;
    if (ready(page)) return page;
    await new Promise((r) => setTimeout(r, 20));
  }
  return page;
}

describe('audit trail against roma-local (SQLite)', () => {
  let team: Team;
  let auditDir: string;
  let cookie: string;
  let instanceId: string;
  const base = () => `/api/v2/${team.account.projectId}/instances/${instanceId}`;

  beforeAll(async () => {
    auditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-audit-'));
    team = await startTeam(1, { auditDir, auditRetentionDays: 30 });
    cookie = await team.login();
    const list = await call(team.urls[0]!, `/api/v2/${team.account.projectId}/instances`, { cookie });
    instanceId = (list.json as { instances: Array<{ id: string }> }).instances[0]!.id;
  });
  afterAll(async () => {
    await team?.close();
    fs.rmSync(auditDir, { recursive: true, force: true });
  });

  it('records app and dictionary changes with route template, ids, status, user, request id; never a GET', async () => {
    const url = team.urls[0]!;
    const created = await call(url, `${base()}/apps`, { method: 'POST', cookie, body: { name: 'audit_app', remark: 'x' } });
    expect(created.status).toBeLessThan(300);
    const appId = (created.json as { id: string }).id;
    await call(url, `${base()}/apps/${appId}`, { cookie }); // a read: not audited
    expect((await call(url, `${base()}/apps/${appId}`, { method: 'PUT', cookie, body: { name: 'audit_app2' } })).status).toBe(200);
    expect((await call(url, `${base()}/apps/${appId}/secret`, { method: 'PUT', cookie, body: {} })).status).toBe(200);
    const dict = await call(url, `${base()}/dictionaries`, { method: 'POST', cookie, body: { name: 'audit_dict', code: 'audit_dict' } });
    expect(dict.status).toBeLessThan(300);
    const dictId = (dict.json as { id: string }).id;
    expect((await call(url, `${base()}/dictionaries/${dictId}`, { method: 'DELETE', cookie })).status).toBeLessThan(300);
    const del = await call(url, `${base()}/apps/${appId}`, { method: 'DELETE', cookie, headers: { 'x-request-id': 'audit-del-1' } });
    expect(del.status).toBeLessThan(300);
    const bad = await call(url, `${base()}/apps`, { method: 'POST', cookie, body: { name: '' } });
    expect(bad.status).toBe(400);

    // The create's path holds no app id yet; the three calls on the app do.
    const page = await auditUntil(url, cookie, `?resource=${appId}`, (p) => p.total >= 3);
    expect(page.total).toBe(3);
    expect(page.items.map((i) => `${i.method} ${i.route}`)).toEqual([
      'DELETE /v2/{project_id}/instances/{instance_id}/apps/{app_id}',
      'PUT /v2/{project_id}/instances/{instance_id}/apps/{app_id}/secret',
      'PUT /v2/{project_id}/instances/{instance_id}/apps/{app_id}',
    ]);
    const creates = await auditUntil(url, cookie, '?resource=/instances/{instance_id}/apps&result=success', (p) => p.total >= 4);
    expect(creates.items.some((i) => i.method === 'POST' && i.route === '/v2/{project_id}/instances/{instance_id}/apps' && i.status === created.status)).toBe(true);
    const delItem = page.items[0]!;
    expect(delItem).toMatchObject({
      user: team.account.user,
      domain: team.account.domain,
      project: team.account.project,
      method: 'DELETE',
      resource_ids: { project_id: team.account.projectId, instance_id: instanceId, app_id: appId },
      error_code: null,
      client_ip: '127.0.0.1',
    });
    expect(delItem.status).toBe(del.status);
    expect(delItem.request_id).toBe(del.headers['x-request-id']);
    expect(typeof delItem.id).toBe('number');
    expect(Date.parse(delItem.time)).toBeGreaterThan(Date.now() - 60_000);
    expect(delItem.duration_ms).toBeGreaterThanOrEqual(0);

    const dictPage = await auditUntil(url, cookie, `?resource=${dictId}`, (p) => p.total >= 1);
    expect(dictPage.items[0]).toMatchObject({ method: 'DELETE', route: '/v2/{project_id}/instances/{instance_id}/dictionaries/{dict_id}', resource_ids: { dict_id: dictId } });
    const failed = await auditUntil(url, cookie, '?result=failure&resource=apps', (p) => p.items.some((i) => i.status === 400));
    const f = failed.items.find((i) => i.status === 400)!;
    expect(f.error_code).toBe((bad.json as { error_code: string }).error_code); // from the upstream body
    expect(f.error_code).toMatch(/^ROMA\./);
    const all = await auditUntil(url, cookie, '?limit=200', () => true);
    expect(all.items.filter((i) => i.method === 'GET')).toEqual([]);
  });

  it('records login (success and failure) and logout; refused anonymous calls are kept but shown to nobody', async () => {
    const url = team.urls[0]!;
    const wrong = await call(url, '/bff/login', { method: 'POST', body: { ...team.credentials(), password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    const other = await team.login();
    expect((await call(url, '/bff/logout', { method: 'POST', cookie: other })).status).toBe(204);
    const anon = await call(url, `${base()}/apps`, { method: 'POST', body: { name: 'nope' } });
    expect(anon.status).toBe(401);
    const page = await auditUntil(url, cookie, '?resource=/bff/', (p) => p.items.some((i) => i.route === '/bff/logout'));
    const login = page.items.filter((i) => i.route === '/bff/login');
    expect(login.find((i) => i.status === 401)).toMatchObject({ user: team.account.user, domain: team.account.domain, error_code: 'BFF.0004', method: 'POST' });
    expect(login.find((i) => i.status === 200)).toMatchObject({ user: team.account.user, error_code: null });
    expect(page.items.find((i) => i.route === '/bff/logout')).toMatchObject({ user: team.account.user, status: 204 });
    // The anonymous attempt is in the database, with its code, but outside every domain's view.
    await team.replicas[0]!.auditTrail.flush();
    const db = new Database(path.join(auditDir, 'audit.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM audit').all() as Array<Record<string, unknown>>;
      expect(rows.some((r) => r.user_name === null && r.error_code === 'BFF.0002' && r.status === 401)).toBe(true);
      const dump = JSON.stringify(rows);
      // Never a body, secret or token.
      for (const secret of [team.account.password, 'not-the-password', cookie, other, 'audit_app', 'nope']) expect(dump).not.toContain(secret);
    } finally {
      db.close();
    }
  });

  it('filters by user, resource, result, since/until; pages with offset/limit; only the own domain', async () => {
    const url = team.urls[0]!;
    const trail = team.replicas[0]!.auditTrail;
    const t0 = Date.now() - 3_600_000;
    for (const [i, domainId] of ['other-domain', 'other-domain', null].entries()) {
      trail.record({
        time: t0 + i, user: 'intruder', userId: 'u9', domain: domainId ? 'other' : 'elsewhere', domainId, project: 'p', projectId: 'p',
        method: 'DELETE', route: '/v2/{project_id}/instances/{instance_id}/apps/{app_id}', resourceIds: { app_id: 'foreign-app' },
        status: 204, errorCode: null, requestId: `r${i}`, durationMs: 1, clientIp: '10.0.0.1',
      });
    }
    await trail.flush();
    expect((await auditUntil(url, cookie, '?user=intruder', () => true)).total).toBe(0);
    expect((await auditUntil(url, cookie, '?resource=foreign-app', () => true)).total).toBe(0);

    const all = await auditUntil(url, cookie, '?limit=200', () => true);
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(8);
    const times = all.items.map((i) => Date.parse(i.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times); // newest first
    const mine = await auditUntil(url, cookie, `?user=${team.account.user}&limit=200`, () => true);
    expect(mine.items.every((i) => i.user === team.account.user)).toBe(true);
    const ok = await auditUntil(url, cookie, '?result=success&limit=200', () => true);
    const ko = await auditUntil(url, cookie, '?result=failure&limit=200', () => true);
    expect(ok.items.every((i) => i.status < 400)).toBe(true);
    expect(ko.items.every((i) => i.status >= 400)).toBe(true);
    expect(ok.total + ko.total).toBe(all.total);
    const p1 = await auditUntil(url, cookie, '?limit=3', () => true);
    const p2 = await auditUntil(url, cookie, '?limit=3&offset=3', () => true);
    expect(p1.items.map((i) => i.id)).toEqual(all.items.slice(0, 3).map((i) => i.id));
    expect(p2.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
    expect(p1.total).toBe(all.total);
    const middle = all.items[Math.floor(all.items.length / 2)]!;
    const since = await auditUntil(url, cookie, `?since=${encodeURIComponent(middle.time)}&limit=200`, () => true);
    expect(since.items.every((i) => i.time >= middle.time)).toBe(true);
    const until = await auditUntil(url, cookie, `?until=${Date.parse(middle.time)}&limit=200`, () => true);
    expect(until.items.every((i) => i.time <= middle.time)).toBe(true);
    expect(since.total + until.total).toBeGreaterThanOrEqual(all.total);
    expect(since.total).toBeLessThan(all.total);
  });

  it('refuses bad filters with 400 BFF.0019 and callers without a session with 401', async () => {
    const url = team.urls[0]!;
    for (const q of ['result=maybe', 'since=yesterday', 'until=2024-13-45T00:00:00Z', 'limit=0', 'limit=1000', 'offset=-1', 'unknown=1',
      'user=a&user=b', 'resource=a%7Cb', 'since=2025-01-02T00:00:00Z&until=2025-01-01T00:00:00Z', 'limit=abc']) {
      const res = await call(url, `/bff/audit?${q}`, { cookie });
      expect(res.status, q).toBe(400);
      expect(expectBffErrorShape(res).code).toBe('BFF.0019');
    }
    const anon = await call(url, '/bff/audit');
    expect(anon.status).toBe(401);
    expect(expectBffErrorShape(anon).code).toBe('BFF.0002');
    expect((await call(url, '/bff/audit', { method: 'POST', cookie })).status).toBe(405);
  });

  it('retention deletes records older than AUDIT_RETENTION_DAYS, keeps the rest', async () => {
    const url = team.urls[0]!;
    const trail = team.replicas[0]!.auditTrail;
    const day = 86_400_000;
    for (const age of [31, 29]) {
      trail.record({
        time: Date.now() - age * day, user: team.account.user, userId: null, domain: team.account.domain, domainId: null,
        project: null, projectId: null, method: 'POST', route: `/retention/${age}`, resourceIds: {}, status: 200, errorCode: null,
        requestId: `ret-${age}`, durationMs: 1, clientIp: '127.0.0.1',
      });
    }
    await trail.flush();
    expect((await auditUntil(url, cookie, '?resource=/retention/', () => true)).total).toBe(2);
    expect(await trail.purge()).toBe(1);
    const left = await auditUntil(url, cookie, '?resource=/retention/', () => true);
    expect(left.items.map((i) => i.route)).toEqual(['/retention/29']);
  });

  it('the records live in the SQLite file of the data folder: another BFF process on that folder sees them', async () => {
    const before = (await auditUntil(team.urls[0]!, cookie, '?limit=1', () => true)).total;
    const url = await team.addReplica({ auditDir });
    const again = await team.login(1);
    const page = await auditUntil(url, again, '?limit=1', (p) => p.total > before);
    expect(page.total).toBeGreaterThan(before); // old records plus this login
  });
});

describe('audit trail for LINK, FDI and APIC paths (vendor-like test upstream)', () => {
  let team: Team;
  let upstream: http.Server;
  let cookie: string;
  const big = JSON.stringify({ error_code: 'APIG.3002', error_msg: 'x'.repeat(1024 * 1024) });

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      req.resume();
      const u = req.url ?? '';
      const send = (status: number, body?: string) => {
        res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
        res.end(body);
      };
      if (u.endsWith('/send-command')) return send(400, fixture('link/CreateDevice.response.400.json'));
      if (u.includes('/fdi/') && req.method === 'DELETE') return send(204);
      if (u.includes('/apic/') && req.method === 'PUT') return send(500, big);
      if (u.endsWith('/batch-operation/tasks')) return send(404, fixture('fdi/BatchStartOrStopTasks.response.404.json'));
      return send(201, '{"id":7}');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const port = (upstream.address() as AddressInfo).port;
    team = await startTeam(0, {});
    // IAM stays roma-local (for a real login); the ROMA API is the test upstream.
    await team.addReplica({ romaEndpoint: `http://127.0.0.1:${port}` });
    cookie = await team.login();
  });
  afterAll(async () => {
    await team?.close();
    upstream?.closeAllConnections();
    await new Promise((r) => upstream?.close(r));
  });

  it('templates and ids for each family; error codes from the upstream body, even a 1 MB one', async () => {
    const url = team.urls[0]!;
    const p = `/api/v2/${team.account.projectId}`;
    const calls: Array<[string, string, number]> = [
      ['POST', `${p}/link/instances/i-1/devices`, 201],
      ['POST', `${p}/link/instances/i-1/devices/42/send-command`, 400],
      ['DELETE', `${p}/fdi/instances/i-1/tasks/t-9`, 204],
      ['POST', `${p}/fdi/instances/i-1/batch-operation/tasks`, 404],
      ['PUT', `${p}/apic/instances/i-1/apis/a-5`, 500],
      ['POST', `${p}/apic/instances/i-1/apis/publish`, 201],
    ];
    for (const [method, path, status] of calls) {
      const res = await call(url, path, { method, cookie, body: method === 'DELETE' ? undefined : { secret: 'do-not-store' } });
      expect(res.status, path).toBe(status);
      if (status === 500) expect(res.text).toBe(big); // streamed through whole, unchanged
    }
    const page = await auditUntil(url, cookie, '?limit=50', (pg) => pg.items.filter((i) => i.route.startsWith('/v2/')).length >= 6);
    const by = (route: string): AuditItem => page.items.find((i) => i.route === route)!;
    expect(by('/v2/{project_id}/link/instances/{instance_id}/devices/{device_id}/send-command')).toMatchObject({
      status: 400, error_code: 'SCB.00000000', resource_ids: { project_id: team.account.projectId, instance_id: 'i-1', device_id: '42' },
    });
    expect(by('/v2/{project_id}/link/instances/{instance_id}/devices')).toMatchObject({ status: 201, error_code: null });
    expect(by('/v2/{project_id}/fdi/instances/{instance_id}/tasks/{task_id}')).toMatchObject({ method: 'DELETE', status: 204, resource_ids: { task_id: 't-9' } });
    expect(by('/v2/{project_id}/fdi/instances/{instance_id}/batch-operation/tasks').error_code).toMatch(/^FDI\./);
    expect(by('/v2/{project_id}/apic/instances/{instance_id}/apis/{api_id}')).toMatchObject({ status: 500, error_code: 'APIG.3002', resource_ids: { api_id: 'a-5' } });
    expect(by('/v2/{project_id}/apic/instances/{instance_id}/apis/publish').resource_ids).toEqual({ project_id: team.account.projectId, instance_id: 'i-1' });
    expect(JSON.stringify(page)).not.toContain('do-not-store');
  });
});
