// rate_limit parameter rules: the condition grammar (contract) and the compiled predicates the
// gateway evaluates per request (roma-local policies/gateway/param-rules.ts).
import { describe, expect, it } from 'vitest';
import { parseMatchExpr, parsePluginContent, rateLimitParameter, rateLimitRule } from '../../src/contract';
import type { GatewayRequest } from '../../src/roma-local/apic/gateway/pipeline';
import { compileParamRules } from '../../src/roma-local/apic/policies/gateway/param-rules';

const names = new Set(['tenant', 'kind']);
const req = (o: Partial<GatewayRequest> = {}): GatewayRequest => ({
  method: 'GET', path: '/n', query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0), host: 'g.test:9180',
  remoteAddress: '127.0.0.1', localAddress: '127.0.0.1', ...o,
});

describe('match_regex', () => {
  it('parses conditions and AND / OR groups; numbers become strings', () => {
    expect(parseMatchExpr('["tenant","==","a"]', names)).toEqual({ param: 'tenant', cmp: '==', value: 'a' });
    expect(parseMatchExpr('["OR",["tenant","in","a,b"],["AND",["kind","~=",3]]]', names)).toEqual({
      op: 'OR', all: [{ param: 'tenant', cmp: 'in', value: 'a,b' }, { op: 'AND', all: [{ param: 'kind', cmp: '~=', value: '3' }] }],
    });
  });

  it('names the problem of a bad condition', () => {
    expect(parseMatchExpr('[', names)).toBe('match_regex is not valid JSON');
    expect(parseMatchExpr('["x","==","a"]', names)).toMatch(/"x" is not one of/);
    expect(parseMatchExpr('["tenant","=","a"]', names)).toMatch(/op must be one of/);
    expect(parseMatchExpr('["tenant","==",{}]', names)).toMatch(/string or a number/);
    expect(parseMatchExpr('["tenant","~~","[a"]', names)).toMatch(/not a valid regular expression/);
    expect(parseMatchExpr('"tenant"', names)).toMatch(/a condition is/);
    expect(parseMatchExpr(JSON.stringify(['AND', ['AND', ['AND', ['AND', ['AND', ['AND', ['tenant', '==', 'a']]]]]]]), names)).toMatch(/nest at most/);
  });

  it('rate_limit content: parameter names and rule names unique, rules checked against the parameters', () => {
    const content = (parameters: unknown[], rules: unknown[]) => JSON.stringify({ api_limit: 10, parameters, rules });
    const p = [{ type: 'header', name: 'tenant', value: 'X-Tenant' }];
    expect(parsePluginContent('rate_limit', content(p, [{ rule_name: 'a', match_regex: '["tenant","==","a"]', limit: 1 }])).ok).toBe(true);
    expect(parsePluginContent('rate_limit', content([...p, ...p], []))).toEqual({ ok: false, message: 'plugin_content.parameters.1.name: parameter names must be unique' });
    expect(parsePluginContent('rate_limit', content([{ type: 'cookie', name: 'c', value: 'c' }], [])).ok).toBe(false);
    expect(rateLimitRule.parse({ rule_name: 'a', match_regex: '[]', limit: 2 })).toMatchObject({ time_unit: 'second', interval: 1 });
  });
});

describe('compiled parameter rules', () => {
  const params = [
    rateLimitParameter.parse({ type: 'header', name: 'tenant', value: 'X-Tenant' }),
    rateLimitParameter.parse({ type: 'query', name: 'kind' }), // value defaults to the name
    rateLimitParameter.parse({ type: 'system', name: 'host', value: 'serverName' }),
    rateLimitParameter.parse({ type: 'path', name: 'p', value: 'p' }),
  ];
  const one = (match: unknown[]) => compileParamRules(params, [rateLimitRule.parse({ rule_name: 'r', match_regex: JSON.stringify(match), limit: 1, time_unit: 'minute', interval: 2 })])[0]!;

  it('reads headers (first value), query, system and path values', () => {
    expect(one(['tenant', '==', 'a']).matches(req({ headers: { 'x-tenant': ['a', 'b'] } }))).toBe(true);
    expect(one(['kind', '==', 'k']).matches(req({ query: new URLSearchParams('kind=k&kind=j') }))).toBe(true);
    expect(one(['host', '==', 'g.test']).matches(req())).toBe(true);
    expect(one(['p', '~~', '^/n$']).matches(req())).toBe(true);
    expect(one(['p', '==', '/n']).periodMs).toBe(120_000);
  });

  it('a value the request lacks equals nothing: only `~=` holds', () => {
    expect(['==', '~~', 'in'].map((op) => one(['tenant', op, 'a']).matches(req()))).toEqual([false, false, false]);
    expect(one(['tenant', '~=', 'a']).matches(req())).toBe(true);
    expect(one(['tenant', '~=', 'a']).matches(req({ headers: { 'x-tenant': 'a' } }))).toBe(false);
  });

  it('in takes a comma list; AND / OR combine', () => {
    const r = one(['OR', ['AND', ['tenant', 'in', 'a, b'], ['kind', '~=', 'x']], ['kind', '==', 'vip']]);
    expect(r.matches(req({ headers: { 'x-tenant': 'b' } }))).toBe(true);
    expect(r.matches(req({ headers: { 'x-tenant': 'b' }, query: new URLSearchParams('kind=x') }))).toBe(false);
    expect(r.matches(req({ query: new URLSearchParams('kind=vip') }))).toBe(true);
  });
});
