// Client quotas at the gateway, end to end: apps calling an APP-auth API with their AppCode are
// counted per period (fake clock), refused with 429 APIG.0308 at exactly call_limits + 1, never
// over the limit under concurrent calls, and the counters survive a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayErrorBody } from '../../src/contract';
import { clock, tempDir } from '../../src/roma-local/test-helpers';
import { startApic } from '../support/apic';
import { appCodeApi, appWithCode, authorise, quota } from '../support/apic-consumers';

const clk = clock(Date.UTC(2026, 11, 7, 8, 0, 0));
const dataDir = tempDir();
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic({ now: clk.now, dataDir }); });
afterAll(async () => { await t.close(); });

const call = (host: string, code: string, path = '/q') => t.gw('GET', path, { host, headers: { 'X-Apig-AppCode': code } });
const codeOf = (r: { status: number; body: unknown }) => (r.status === 200 ? '200' : `${r.status} ${gatewayErrorBody.parse(r.body).error_code}`);

describe('client quota', () => {
  it('call_limits pass, call_limits + 1 gets 429 APIG.0308; the next period starts afresh; other apps unaffected', async () => {
    const { g, api } = await appCodeApi(t, 'quota-basic');
    const a = await appWithCode(t, 'quota-a');
    const b = await appWithCode(t, 'quota-b');
    await authorise(t, [a.id, b.id], api.id);
    await quota(t, { name: 'three_per_minute', call_limits: 3, time_unit: 'MINUTE', time_interval: 1 }, [a.id]);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) seen.push(codeOf(await call(g.sl_domain, a.code)));
    expect(seen).toEqual(['200', '200', '200', '429 APIG.0308']);
    const refused = await call(g.sl_domain, a.code);
    expect(refused.body.error_msg).toMatch(/limit:3,time:1 minute/);
    expect(codeOf(await call(g.sl_domain, b.code))).toBe('200'); // b has no quota
    clk.advance(59_000);
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('429 APIG.0308');
    clk.advance(1_000); // one minute after the first call
    expect([codeOf(await call(g.sl_domain, a.code)), codeOf(await call(g.sl_domain, a.code)), codeOf(await call(g.sl_domain, a.code))]).toEqual(['200', '200', '200']);
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('429 APIG.0308');
  });

  it('counted from reset_time when set; unbinding lifts the quota', async () => {
    const { g, api } = await appCodeApi(t, 'quota-reset');
    const a = await appWithCode(t, 'quota-reset-app');
    await authorise(t, [a.id], api.id);
    // periods of 1 hour starting at a reset_time 10 minutes from now: the current period ends then
    const reset = new Date(clk.now() + 600_000).toISOString().slice(0, 19).replace('T', ' ');
    const id = await quota(t, { name: 'two_per_hour', call_limits: 2, time_unit: 'HOUR', time_interval: 1, reset_time: reset }, [a.id]);
    expect([codeOf(await call(g.sl_domain, a.code)), codeOf(await call(g.sl_domain, a.code)), codeOf(await call(g.sl_domain, a.code))])
      .toEqual(['200', '200', '429 APIG.0308']);
    clk.advance(600_000);
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('200');
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('200');
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('429 APIG.0308');
    expect((await t.api('DELETE', `/app-quotas/${id}/bound-apps/${a.id}`)).status).toBe(204);
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('200');
  });

  it('concurrent calls: exactly call_limits of N pass', async () => {
    const { g, api } = await appCodeApi(t, 'quota-concurrent');
    const a = await appWithCode(t, 'quota-concurrent-app');
    await authorise(t, [a.id], api.id);
    await quota(t, { name: 'seven_per_day', call_limits: 7, time_unit: 'DAY', time_interval: 1 }, [a.id]);
    const results = await Promise.all(Array.from({ length: 30 }, () => call(g.sl_domain, a.code)));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === '200')).toHaveLength(7);
    expect(codes.filter((c) => c === '429 APIG.0308')).toHaveLength(23);
  });

  it('a restart keeps what was spent', async () => {
    const { g, api } = await appCodeApi(t, 'quota-restart');
    const a = await appWithCode(t, 'quota-restart-app');
    await authorise(t, [a.id], api.id);
    await quota(t, { name: 'three_per_day', call_limits: 3, time_unit: 'DAY', time_interval: 1 }, [a.id]);
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('200');
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('200');
    await t.close();
    t = await startApic({ now: clk.now, dataDir });
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('200');
    expect(codeOf(await call(g.sl_domain, a.code))).toBe('429 APIG.0308');
  });
});
