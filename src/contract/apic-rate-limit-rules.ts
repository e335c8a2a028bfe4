// Parameter-based throttling of the rate_limit plugin ("Request Throttling 2.0"): `parameters`
// name request values, `rules` limit the calls whose values match a condition. Shapes from the
// vendor's RateLimitContent / PluginCommonParameter pages and the Terraform provider's example:
//   parameters: [{ type: header|query|path|method|system, name, value }]
//   rules: [{ rule_name, match_regex, time_unit, interval, limit }]
// `match_regex` is a JSON condition: [name, op, value] or ["AND"|"OR", cond, cond, …], op one of
// `==` (equals), `~=` (differs), `~~` (regular expression), `in` (one of a comma list).
// Limits not in the reference are (chosen).
import { z } from 'zod';

const INT32_MAX = 2_147_483_647;
export const RATE_LIMIT_PARAM_TYPES = ['header', 'query', 'path', 'method', 'system'] as const;
export const MATCH_OPS = ['==', '~=', '~~', 'in'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];
export type MatchExpr = { op: 'AND' | 'OR'; all: MatchExpr[] } | { param: string; cmp: MatchOp; value: string };

export const rateLimitParameter = z.looseObject({
  type: z.enum(RATE_LIMIT_PARAM_TYPES),
  name: z.string().min(1).max(32).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  // the header / query parameter / system variable read; empty: the same as `name`
  value: z.string().max(256).default(''),
});
export type RateLimitParameter = z.infer<typeof rateLimitParameter>;

export const rateLimitRule = z.looseObject({
  rule_name: z.string().min(1).max(64),
  match_regex: z.string().min(2).max(4096),
  time_unit: z.enum(['second', 'minute', 'hour', 'day']).default('second'),
  interval: z.number().int().min(1).max(INT32_MAX).default(1),
  limit: z.number().int().min(1).max(INT32_MAX),
});
export type RateLimitRule = z.infer<typeof rateLimitRule>;

const MAX_DEPTH = 5;
function toExpr(v: unknown, params: ReadonlySet<string>, depth: number): MatchExpr | string {
  if (!Array.isArray(v) || v.length < 2) return 'a condition is [name, op, value] or ["AND"|"OR", condition, …]';
  if (v[0] === 'AND' || v[0] === 'OR') {
    if (depth >= MAX_DEPTH) return `conditions nest at most ${MAX_DEPTH} deep`;
    const all: MatchExpr[] = [];
    for (const c of v.slice(1)) {
      const e = toExpr(c, params, depth + 1);
      if (typeof e === 'string') return e;
      all.push(e);
    }
    return { op: v[0], all };
  }
  const [param, cmp, value] = v as unknown[];
  if (v.length !== 3 || typeof param !== 'string') return 'a condition is [name, op, value]';
  if (!params.has(param)) return `"${param}" is not one of the plugin's parameters`;
  if (!(MATCH_OPS as readonly unknown[]).includes(cmp)) return `op must be one of ${MATCH_OPS.join(' ')}`;
  if (typeof value !== 'string' && typeof value !== 'number') return 'the value must be a string or a number';
  if (cmp === '~~') {
    try { new RegExp(String(value)); } catch { return `"${value}" is not a valid regular expression`; }
  }
  return { param, cmp: cmp as MatchOp, value: String(value) };
}

/** Parses a rule's match_regex against the declared parameter names; the problem as text on failure. */
export function parseMatchExpr(text: string, params: ReadonlySet<string>): MatchExpr | string {
  let json: unknown;
  try { json = JSON.parse(text); } catch { return 'match_regex is not valid JSON'; }
  return toExpr(json, params, 0);
}

/** Checks parameters and rules together (names unique, every condition parseable): the issues found. */
export function paramRuleIssues(parameters: RateLimitParameter[], rules: RateLimitRule[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const names = new Set<string>();
  parameters.forEach((p, i) => {
    if (names.has(p.name)) issues.push({ path: ['parameters', i, 'name'], message: 'parameter names must be unique' });
    names.add(p.name);
  });
  const ruleNames = new Set<string>();
  rules.forEach((r, i) => {
    if (ruleNames.has(r.rule_name)) issues.push({ path: ['rules', i, 'rule_name'], message: 'rule names must be unique' });
    ruleNames.add(r.rule_name);
    const e = parseMatchExpr(r.match_regex, names);
    if (typeof e === 'string') issues.push({ path: ['rules', i, 'match_regex'], message: e });
  });
  return issues;
}
