// Throttling windows survive a restart of roma-local on the same data directory (they are written
// behind to apic_throttle_windows and read back at start), for a throttling policy and for a
// rate_limit plugin's parameter rule; concurrent calls never pass a policy's limit (fake clock).
// Also: rate_limit content stored before the rules were checked on write keeps its basic limits.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayErrorBody } from '../../src/contract';
import { DB_FILE } from '../../src/roma-local/db/open';
import { clock, tempDir } from '../../src/roma-local/test-helpers';
import { mockApi, startApic } from '../support/apic';
import { plugin } from '../support/apic-consumers';

const clk = clock(Date.UTC(2026, 11, 7, 10, 0, 0));
const dataDir = tempDir();
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic({ now: clk.now, dataDir }); });
afterAll(async () => { await t.close(); });

const codeOf = (r: { status: number; body: unknown }) => (r.status < 300 ? String(r.status) : `${r.status} ${gatewayErrorBody.parse(r.body).error_code}`);
async function noneApi(group: string) {
  const g = await t.group(group);
  const api = await t.createApi(mockApi(g.id, { req_uri: '/n' }));
  const pub = await t.publish(api.id);
  return { g, api, pub };
}
async function throttle(body: Record<string, unknown>, publishId: string) {
  const th = await t.api('POST', '/throttles', { time_interval: 1, time_unit: 'HOUR', ...body });
  if (th.status !== 201) throw new Error(`throttle: ${th.status} ${th.text}`);
  const b = await t.api('POST', '/throttle-bindings', { strategy_id: th.body.id, publish_ids: [publishId] });
  if (b.status !== 201) throw new Error(`bind: ${b.status} ${b.text}`);
}
const restart = async (whileDown?: () => void) => {
  await t.close();
  whileDown?.();
  t = await startApic({ now: clk.now, dataDir });
};

describe('throttling windows across a restart', () => {
  it('a policy window in progress continues: the call past the limit after the restart is still refused; the next window passes', async () => {
    const { g, pub } = await noneApi('win-policy');
    await throttle({ name: 'win_three', api_call_limits: 3 }, pub.publish_id);
    const get = () => t.gw('GET', '/n', { host: g.sl_domain });
    expect([codeOf(await get()), codeOf(await get())]).toEqual(['200', '200']);
    await restart();
    expect(codeOf(await get())).toBe('200');
    const refused = await get();
    expect([codeOf(refused), refused.body.error_msg]).toEqual(['429 APIG.0308', expect.stringMatching(/policy api over ratelimit,limit:3,time:1 hour/)]);
    await restart();
    expect(codeOf(await get())).toBe('429 APIG.0308'); // a refused call counted nothing, the window is still full
    clk.advance(3_600_000);
    expect(codeOf(await get())).toBe('200');
  });

  it('a rate_limit parameter rule window continues after a restart', async () => {
    const { g, api } = await noneApi('win-rule');
    await plugin(t, 'win_rule', 'rate_limit', {
      api_limit: 100, default_interval: 1, default_time_unit: 'hour',
      parameters: [{ type: 'header', name: 'tenant', value: 'X-Tenant' }],
      rules: [{ rule_name: 'tenant_a', match_regex: '["tenant","==","a"]', time_unit: 'hour', interval: 1, limit: 2 }],
    }, api.id);
    const as = (tenant: string) => t.gw('GET', '/n', { host: g.sl_domain, headers: { 'X-Tenant': tenant } });
    expect(codeOf(await as('a'))).toBe('200');
    await restart();
    expect(codeOf(await as('a'))).toBe('200');
    expect(codeOf(await as('a'))).toBe('429 APIG.0308');
    expect(codeOf(await as('b'))).toBe('200');
  });

  it('concurrent calls: exactly api_call_limits of N pass, and stay spent after a restart', async () => {
    const { g, pub } = await noneApi('win-concurrent');
    await throttle({ name: 'win_seven', api_call_limits: 7 }, pub.publish_id);
    const codes = (await Promise.all(Array.from({ length: 30 }, () => t.gw('GET', '/n', { host: g.sl_domain })))).map(codeOf);
    expect(codes.filter((c) => c === '200')).toHaveLength(7);
    expect(codes.filter((c) => c === '429 APIG.0308')).toHaveLength(23);
    await restart();
    expect(codeOf(await t.gw('GET', '/n', { host: g.sl_domain }))).toBe('429 APIG.0308');
  });

  it('rate_limit content stored with rules that no longer pass the checks keeps its basic limits', async () => {
    const { g, api } = await noneApi('win-legacy');
    const pid = await plugin(t, 'win_legacy', 'rate_limit', { api_limit: 2, default_interval: 1, default_time_unit: 'hour' }, api.id);
    await restart(() => {
      const db = new Database(path.join(dataDir, DB_FILE));
      db.prepare('UPDATE apic_plugins SET content = ? WHERE id = ?')
        .run(JSON.stringify({ api_limit: 2, default_interval: 1, default_time_unit: 'hour', parameters: [{ type: 'x', name: 'n', value: 'v' }], rules: [{}] }), pid);
      db.close();
    });
    const get = () => t.gw('GET', '/n', { host: g.sl_domain });
    expect([codeOf(await get()), codeOf(await get()), codeOf(await get())]).toEqual(['200', '200', '429 APIG.0308']);
  });
});
