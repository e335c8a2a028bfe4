// The audit trail shared by two replicas in PostgreSQL (a database of its own for this file),
// an audit store that goes down (the operator's call still goes through; /healthz tells) and
// comes back (nothing recorded meanwhile is lost).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { AuditPage } from '../../src/bff/audit/types';
import { call } from '../support/http';
import { expectBffErrorShape, PG_URL, startRelay, startTeam, tempDatabase, unreachable, type Relay, type Team } from './bff-team-support';

const skip = await unreachable(PG_URL);

async function audit(url: string, cookie: string, query = ''): Promise<AuditPage> {
  const res = await call(url, `/bff/audit${query}`, { cookie });
  expect(res.status).toBe(200);
  return res.json as AuditPage;
}

describe.skipIf(skip)('audit trail in PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> };
  let relay: Relay;
  let team: Team;
  let cookie: string;
  let instancesPath: string;

  beforeAll(async () => {
    db = await tempDatabase('audit');
    relay = await startRelay(db.url);
    // Replicas 0 and 1 share the database directly; replica 2 reaches it through the relay.
    team = await startTeam(2, { auditDatabaseUrl: db.url, auditRetentionDays: 30 });
    const dbVia = new URL(db.url);
    dbVia.port = String(relay.port);
    await team.addReplica({ auditDatabaseUrl: dbVia.toString() });
    cookie = await team.login(0);
    instancesPath = `/api/v2/${team.account.projectId}/instances`;
  });
  afterAll(async () => {
    await team?.close();
    await relay?.close();
    await db?.drop();
  });

  it('a change made through one replica is in the trail read through the other', async () => {
    const list = await call(team.urls[0]!, instancesPath, { cookie });
    const instanceId = (list.json as { instances: Array<{ id: string }> }).instances[0]!.id;
    const created = await call(team.urls[0]!, `${instancesPath}/${instanceId}/apps`, { method: 'POST', cookie, body: { name: 'pg_audit_app' } });
    expect(created.status).toBeLessThan(300);
    await team.replicas[0]!.auditTrail.flush();
    await new Promise((r) => setImmediate(r));
    await team.replicas[0]!.auditTrail.flush();
    // Login is on replica 0 too; replica 1 has no session store in common (memory), so log in there.
    const cookie1 = await team.login(1);
    const page = await audit(team.urls[1]!, cookie1, '?resource=apps');
    expect(page.items.find((i) => i.method === 'POST')).toMatchObject({
      route: '/v2/{project_id}/instances/{instance_id}/apps',
      resource_ids: { project_id: team.account.projectId, instance_id: instanceId },
      status: created.status,
      user: team.account.user,
    });
    expect(typeof page.items[0]!.id).toBe('number');
  });

  it('audit store down: the call proceeds, the failure is counted and shown; when it returns nothing is lost', async () => {
    const url = team.urls[2]!;
    const c = await team.login(2); // written fine, the relay is up
    await team.replicas[2]!.auditTrail.flush();
    expect((await call(url, '/healthz', { csrf: false })).json).toMatchObject({ status: 'ok', audit: { ok: true, store: 'postgres', failed_writes: 0 } });

    await relay.cut();
    const out = await call(url, '/bff/logout', { method: 'POST', cookie: c, headers: { 'x-request-id': 'while-audit-down' } });
    expect(out.status).toBe(204); // the operator's action went through
    let health = await call(url, '/healthz', { csrf: false });
    for (let i = 0; i < 100 && (health.json as { audit: { pending: number } }).audit.pending === 0; i++) {
      await new Promise((r) => setTimeout(r, 20)); // the record is written just after the answer
      await team.replicas[2]!.auditTrail.flush();
      health = await call(url, '/healthz', { csrf: false });
    }
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'degraded', audit: { ok: false, store: 'postgres', pending: 1 } });
    expect((health.json as { audit: { failed_writes: number } }).audit.failed_writes).toBeGreaterThanOrEqual(1);
    const c2 = await team.login(2); // sessions are unaffected (login itself is audited: pending grows)
    const down = await call(url, '/bff/audit', { cookie: c2 });
    expect(down.status).toBe(503);
    expect(expectBffErrorShape(down).code).toBe('BFF.0023');

    await relay.restore();
    // The next recorded action drains what was kept.
    expect((await call(url, '/bff/logout', { method: 'POST', cookie: c2 })).status).toBe(204);
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await team.replicas[2]!.auditTrail.flush();
      healthy = ((await call(url, '/healthz', { csrf: false })).json as { audit: { ok: boolean } }).audit.ok;
    }
    expect(healthy).toBe(true);
    const direct = new pg.Client({ connectionString: db.url });
    await direct.connect();
    try {
      const rows = await direct.query("SELECT route, status FROM bff_audit WHERE request_id = 'while-audit-down'");
      expect(rows.rows).toEqual([{ route: '/bff/logout', status: 204 }]);
    } finally {
      await direct.end();
    }
  });

  it('retention purges old rows in PostgreSQL too', async () => {
    const trail = team.replicas[0]!.auditTrail;
    const day = 86_400_000;
    trail.record({
      time: Date.now() - 40 * day, user: team.account.user, userId: null, domain: team.account.domain, domainId: null, project: null,
      projectId: null, method: 'POST', route: '/retention/pg', resourceIds: {}, status: 200, errorCode: null, requestId: 'old',
      durationMs: 1, clientIp: '127.0.0.1',
    });
    await trail.flush();
    expect((await audit(team.urls[0]!, cookie, '?resource=/retention/pg')).total).toBe(1);
    expect(await trail.purge()).toBeGreaterThanOrEqual(1);
    expect((await audit(team.urls[0]!, cookie, '?resource=/retention/pg')).total).toBe(0);
  });
});
