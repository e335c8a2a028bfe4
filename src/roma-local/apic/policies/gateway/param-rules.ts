// The rate_limit plugin's parameter rules, compiled once per policy-table build into predicates
// over the request (contract/apic-rate-limit-rules.ts has the shapes and the condition grammar).
// Per request: the rules are tried in order and the first that matches adds its own limit, in
// its own window, to the basic limits; one counter per rule (per API, or shared with `share`).
import {
  parseMatchExpr, TIME_UNIT_MS, type MatchExpr, type RateLimitParameter, type RateLimitRule, type TimeUnit,
} from '../../../../contract/index';
import type { GatewayRequest } from '../../gateway/pipeline';

export interface ParamRule {
  name: string; limit: number; periodMs: number; interval: number; unit: TimeUnit;
  matches: (req: GatewayRequest) => boolean;
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** System variables a `system` parameter can read (chosen subset of the vendor's list). */
const SYSTEM: Record<string, (req: GatewayRequest) => string | undefined> = {
  reqPath: (req) => req.path,
  reqMethod: (req) => req.method,
  method: (req) => req.method,
  serverName: (req) => req.host.replace(/:\d+$/, ''),
  sourceIp: (req) => req.remoteAddress,
  remoteAddr: (req) => req.remoteAddress,
};

function reader(p: RateLimitParameter): (req: GatewayRequest) => string | undefined {
  const what = p.value || p.name;
  switch (p.type) {
    case 'header': {
      const h = what.toLowerCase();
      return (req) => first(req.headers[h]);
    }
    case 'query': return (req) => req.query.get(what) ?? undefined;
    case 'path': return (req) => req.path;
    case 'method': return (req) => req.method;
    case 'system': return SYSTEM[what] ?? (() => undefined);
  }
}

type Pred = (req: GatewayRequest) => boolean;
function compile(e: MatchExpr, readers: Map<string, (req: GatewayRequest) => string | undefined>): Pred {
  if ('op' in e) {
    const all = e.all.map((c) => compile(c, readers));
    return e.op === 'AND' ? (req) => all.every((p) => p(req)) : (req) => all.some((p) => p(req));
  }
  const read = readers.get(e.param)!;
  const want = e.value;
  // a value the request does not carry equals nothing (so it only satisfies `~=`)
  switch (e.cmp) {
    case '==': return (req) => read(req) === want;
    case '~=': return (req) => read(req) !== want;
    case '~~': {
      const re = new RegExp(want);
      return (req) => { const v = read(req); return v !== undefined && re.test(v); };
    }
    case 'in': {
      const set = new Set(want.split(',').map((s) => s.trim()));
      return (req) => { const v = read(req); return v !== undefined && set.has(v); };
    }
  }
}

const UNITS: Record<RateLimitRule['time_unit'], TimeUnit> = { second: 'SECOND', minute: 'MINUTE', hour: 'HOUR', day: 'DAY' };

/** Compiles the rules; a rule whose condition no longer parses is left out (validated on write). */
export function compileParamRules(parameters: RateLimitParameter[], rules: RateLimitRule[]): ParamRule[] {
  const readers = new Map(parameters.map((p) => [p.name, reader(p)]));
  const names = new Set(readers.keys());
  const out: ParamRule[] = [];
  for (const r of rules) {
    const e = parseMatchExpr(r.match_regex, names);
    if (typeof e === 'string') continue;
    const unit = UNITS[r.time_unit];
    out.push({ name: r.rule_name, limit: r.limit, periodMs: r.interval * TIME_UNIT_MS[unit], interval: r.interval, unit, matches: compile(e, readers) });
  }
  return out;
}
