// The rate_limit plugin's parameter rules at the gateway, through real HTTP (fake clock): two
// values of a header with their own limits (429 APIG.0308 at exactly limit + 1), query / method /
// system parameters with `in`, `~~`, AND / OR, one counter per rule, no overshoot under concurrent
// calls, the basic limits still counted, and bad rules refused on write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDebugResponse, gatewayErrorBody } from '../../src/contract';
import { clock } from '../../src/roma-local/test-helpers';
import { mockApi, startApic } from '../support/apic';
import { plugin } from '../support/apic-consumers';

const clk = clock(Date.UTC(2026, 11, 7, 11, 0, 0));
let t: Awaited<ReturnType<typeof startApic>>;
beforeAll(async () => { t = await startApic({ now: clk.now }); });
afterAll(async () => { await t.close(); });

const codeOf = (r: { status: number; body: unknown }) => (r.status < 300 ? String(r.status) : `${r.status} ${gatewayErrorBody.parse(r.body).error_code}`);
async function noneApi(group: string) {
  const g = await t.group(group);
  const api = await t.createApi(mockApi(g.id, { req_uri: '/n' }));
  await t.publish(api.id);
  return { g, api };
}
const rule = (rule_name: string, match: unknown[], limit: number, time_unit = 'minute') =>
  ({ rule_name, match_regex: JSON.stringify(match), time_unit, interval: 1, limit });
const tenantParam = [{ type: 'header', name: 'tenant', value: 'X-Tenant' }];

describe('rate_limit parameter rules', () => {
  it('two values of a header get their own limits; other calls only meet the basic limits; the next window passes', async () => {
    const { g, api } = await noneApi('rl-header');
    await plugin(t, 'rl_tenants', 'rate_limit', {
      api_limit: 100, default_interval: 1, default_time_unit: 'minute', parameters: tenantParam,
      rules: [rule('tenant_a', ['tenant', '==', 'a'], 2), rule('tenant_b', ['tenant', '==', 'b'], 3)],
    }, api.id);
    const as = (tenant?: string) => t.gw('GET', '/n', { host: g.sl_domain, headers: tenant ? { 'X-Tenant': tenant } : {} });
    expect([codeOf(await as('a')), codeOf(await as('a')), codeOf(await as('a'))]).toEqual(['200', '200', '429 APIG.0308']);
    expect((await as('a')).body.error_msg).toMatch(/policy rule tenant_a over ratelimit,limit:2,time:1 minute/);
    const b = [];
    for (let i = 0; i < 4; i++) b.push(codeOf(await as('b')));
    expect(b).toEqual(['200', '200', '200', '429 APIG.0308']);
    expect([codeOf(await as('c')), codeOf(await as())]).toEqual(['200', '200']); // no rule matches
    clk.advance(60_000);
    expect(codeOf(await as('a'))).toBe('200');
  });

  it('query, method and system parameters; `in`, `~~`, AND / OR; one counter per rule; the first matching rule applies', async () => {
    const { g, api } = await noneApi('rl-kinds');
    await plugin(t, 'rl_kinds', 'rate_limit', {
      api_limit: 100, default_interval: 1, default_time_unit: 'minute',
      parameters: [{ type: 'query', name: 'kind', value: 'kind' }, { type: 'method', name: 'method', value: 'method' },
        { type: 'system', name: 'serverName', value: 'serverName' }],
      rules: [
        rule('xy_get', ['AND', ['method', '==', 'GET'], ['kind', 'in', 'x,y']], 1),
        rule('z_or_host', ['OR', ['kind', '~~', '^z[0-9]+$'], ['serverName', '==', 'nowhere.test']], 2),
        rule('x_again', ['kind', '==', 'x'], 50), // never reached for x: xy_get comes first
        rule('w_here', ['AND', ['serverName', '==', g.sl_domain], ['kind', '==', 'w']], 1),
      ],
    }, api.id);
    const kind = async (k: string) => codeOf(await t.gw('GET', `/n?kind=${k}`, { host: g.sl_domain }));
    expect([await kind('x'), await kind('y')]).toEqual(['200', '429 APIG.0308']);
    expect([await kind('z1'), await kind('z22'), await kind('z3'), await kind('zz')]).toEqual(['200', '200', '429 APIG.0308', '200']);
    expect([await kind('w'), await kind('w')]).toEqual(['200', '429 APIG.0308']);
    const dbg = apiDebugResponse.parse((await t.api('POST', `/apis/debug/${api.id}`, { mode: 'CONSUMER', scheme: 'HTTP', method: 'GET', path: '/n', query: { kind: ['y'] } })).body);
    expect(dbg.log).toMatch(/parameter rule xy_get matches/);
  });

  it('concurrent calls: exactly the rule limit of N pass, and the basic API limit still counts them', async () => {
    const { g, api } = await noneApi('rl-concurrent');
    await plugin(t, 'rl_concurrent', 'rate_limit', {
      api_limit: 8, default_interval: 1, default_time_unit: 'hour', parameters: tenantParam,
      rules: [rule('tenant_a', ['tenant', '==', 'a'], 5, 'hour')],
    }, api.id);
    const as = (tenant: string) => t.gw('GET', '/n', { host: g.sl_domain, headers: { 'X-Tenant': tenant } });
    const codes = (await Promise.all(Array.from({ length: 25 }, () => as('a')))).map(codeOf);
    expect(codes.filter((c) => c === '200')).toHaveLength(5);
    expect(codes.filter((c) => c === '429 APIG.0308')).toHaveLength(20);
    const others = (await Promise.all(Array.from({ length: 10 }, () => as('b')))).map(codeOf);
    expect(others.filter((c) => c === '200')).toHaveLength(3); // 8 per hour for the API, 5 spent by tenant a
  });

  it('refuses rules that name an undeclared parameter, a bad operator or a bad regular expression (400 APIG.2011)', async () => {
    const mk = (name: string, rules: unknown[]) => t.api('POST', '/plugins', {
      plugin_name: name, plugin_type: 'rate_limit', plugin_scope: 'global',
      plugin_content: JSON.stringify({ api_limit: 10, parameters: tenantParam, rules }),
    });
    const cases: [unknown[], RegExp][] = [
      [[rule('r1', ['who', '==', 'a'], 1)], /rules\.0\.match_regex: "who" is not one of the plugin's parameters/],
      [[rule('r1', ['tenant', '>', 'a'], 1)], /op must be one of/],
      [[rule('r1', ['tenant', '~~', '(a'], 1)], /not a valid regular expression/],
      [[{ rule_name: 'r1', match_regex: 'tenant == a', limit: 1 }], /match_regex is not valid JSON/],
      [[rule('r1', ['tenant', '==', 'a'], 1), rule('r1', ['tenant', '==', 'b'], 1)], /rule names must be unique/],
    ];
    for (const [i, [rules, msg]] of cases.entries()) {
      const r = await mk(`rl_bad_${i}`, rules);
      expect([r.status, r.body.error_code, r.body.error_msg]).toEqual([400, 'APIG.2011', expect.stringMatching(msg)]);
    }
  });
});
