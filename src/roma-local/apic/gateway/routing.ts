// The gateway's routing table, rebuilt from the database whenever the APIC stores change
// (ApicState.epoch): Host → group, X-Stage → environment, method + path → live API version.
import type { Db } from '../../db/open';
import type { ApiView } from '../store/apis';
import type { ApicState } from '../store/state';

type Seg = { lit: string } | { param: string; greedy: boolean };

export interface CompiledRoute {
  api: ApiView; // the live version's frozen definition
  versionId: string;
  instanceId: string;
  segments: Seg[];
  swa: boolean;
  method: string;
  /** The match of a fully literal route: always the same, made once (never written to). */
  literalMatch?: RouteMatch;
}
/** What one group serves in one environment. */
export interface RouteScope {
  /** Most specific first. */
  routes: CompiledRoute[];
  /** Fully literal NORMAL path → its routes: found without a scan. */
  literal: Map<string, CompiledRoute[]>;
  vars: ReadonlyMap<string, string>;
}
/** The variables of a group and environment that has none: one shared map, so that the backend
 * plans cached per variable map are not rebuilt on every request. Never written to. */
export const NO_VARS: ReadonlyMap<string, string> = new Map();

export interface HostEntry { groupId: string; instanceId: string; projectId: string }
export interface RouteMatch {
  route: CompiledRoute;
  pathParams: Record<string, string>;
  /** Segments after the matched prefix (SWA match mode), passed on to the backend path. */
  rest: string[];
}

export function compile(uri: string): Seg[] {
  return splitPath(uri).map((s) => {
    const m = /^\{([^}+]+)(\+?)\}$/.exec(s);
    return m ? { param: m[1]!, greedy: m[2] === '+' } : { lit: s };
  });
}

/** `/a/b/` → ['a', 'b']; `/` → []. Segments stay encoded. */
export function splitPath(path: string): string[] {
  const segs = path.split('/').slice(1);
  if (segs.length > 0 && segs[segs.length - 1] === '') segs.pop();
  return segs;
}

/** Path params of a route for decoded request segments, or null. */
export function matchSegments(route: { segments: Seg[]; swa: boolean }, segs: string[]): { params: Record<string, string>; rest: string[] } | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const s = route.segments[i]!;
    if ('param' in s && s.greedy) {
      if (segs.length <= i) return null;
      params[s.param] = segs.slice(i).join('/');
      return { params, rest: [] };
    }
    const v = segs[i];
    if (v === undefined) return null;
    if ('lit' in s) {
      if (v !== s.lit) return null;
    } else {
      if (v === '') return null;
      params[s.param] = v;
    }
  }
  if (segs.length === route.segments.length) return { params, rest: [] };
  return route.swa ? { params, rest: segs.slice(route.segments.length) } : null;
}

/** Exact before prefix; literal segments before placeholders; longer prefixes first. */
function specificity(a: CompiledRoute, b: CompiledRoute): number {
  if (a.swa !== b.swa) return a.swa ? 1 : -1;
  const rank = (s: Seg | undefined) => (s === undefined ? 3 : 'lit' in s ? 0 : s.greedy ? 2 : 1);
  const n = Math.max(a.segments.length, b.segments.length);
  if (a.swa && a.segments.length !== b.segments.length) return b.segments.length - a.segments.length;
  for (let i = 0; i < n; i++) {
    const d = rank(a.segments[i]) - rank(b.segments[i]);
    if (d !== 0) return d;
  }
  return 0;
}

export class RouteTable {
  private epoch = -1;
  hosts = new Map<string, HostEntry>();
  /** instance → env name → env id */
  envs = new Map<string, Map<string, string>>();
  /** `${groupId}|${envId}` → routes, most specific first */
  routes = new Map<string, CompiledRoute[]>();
  /** `${groupId}|${envId}` → fully literal NORMAL path → its routes: found without a scan */
  literal = new Map<string, Map<string, CompiledRoute[]>>();
  /** `${groupId}|${envId}` → variable name → value */
  vars = new Map<string, Map<string, string>>();
  /** group → env → the three above (looked up per request without building a key string) */
  scopes = new Map<string, Map<string, RouteScope>>();

  constructor(private readonly db: Db, private readonly state: ApicState) {}

  /** Rebuild if anything changed since the last build (cheap check on every request). */
  fresh(): this {
    if (this.epoch !== this.state.epoch) this.build();
    return this;
  }

  private build(): void {
    const epoch = this.state.epoch;
    const hosts = new Map<string, HostEntry>();
    const groups = this.db.prepare(
      'SELECT g.id, g.instance_id, g.sl_domain, i.project_id FROM apic_groups g JOIN instances i ON i.id = g.instance_id',
    ).all() as { id: string; instance_id: string; sl_domain: string; project_id: string }[];
    const byId = new Map(groups.map((g) => [g.id, g]));
    for (const g of groups) hosts.set(g.sl_domain, { groupId: g.id, instanceId: g.instance_id, projectId: g.project_id });
    for (const d of this.db.prepare('SELECT domain, group_id FROM apic_domains').all() as { domain: string; group_id: string }[]) {
      const g = byId.get(d.group_id);
      if (g) hosts.set(d.domain, { groupId: g.id, instanceId: g.instance_id, projectId: g.project_id });
    }
    const envs = new Map<string, Map<string, string>>();
    for (const e of this.db.prepare('SELECT instance_id, id, name FROM apic_envs').all() as { instance_id: string; id: string; name: string }[]) {
      if (!envs.has(e.instance_id)) envs.set(e.instance_id, new Map());
      envs.get(e.instance_id)!.set(e.name, e.id);
    }
    const routes = new Map<string, CompiledRoute[]>();
    const live = this.db.prepare(
      `SELECT l.env_id, l.instance_id, l.version_id, v.snapshot FROM apic_live l JOIN apic_versions v ON v.id = l.version_id`,
    ).all() as { env_id: string; instance_id: string; version_id: string; snapshot: string }[];
    for (const l of live) {
      const api = JSON.parse(l.snapshot) as ApiView;
      const key = `${api.group_id}|${l.env_id}`;
      const r: CompiledRoute = {
        api, versionId: l.version_id, instanceId: l.instance_id, segments: compile(api.req_uri),
        swa: api.match_mode === 'SWA', method: api.req_method,
      };
      routes.set(key, [...(routes.get(key) ?? []), r]);
    }
    const literal = new Map<string, Map<string, CompiledRoute[]>>();
    for (const [key, list] of routes) {
      list.sort(specificity);
      const byPath = new Map<string, CompiledRoute[]>();
      for (const r of list) {
        if (r.swa || !r.segments.every((s) => 'lit' in s)) continue;
        const p = r.segments.map((s) => (s as { lit: string }).lit).join('/');
        byPath.set(p, [...(byPath.get(p) ?? []), r]);
      }
      literal.set(key, byPath);
    }
    const vars = new Map<string, Map<string, string>>();
    for (const v of this.db.prepare('SELECT group_id, env_id, name, value FROM apic_env_vars').all() as { group_id: string; env_id: string; name: string; value: string }[]) {
      const key = `${v.group_id}|${v.env_id}`;
      if (!vars.has(key)) vars.set(key, new Map());
      vars.get(key)!.set(v.name, v.value);
    }
    const scopes = new Map<string, Map<string, RouteScope>>();
    const scopeOf = (groupId: string, envId: string): RouteScope => {
      let byEnv = scopes.get(groupId);
      if (!byEnv) scopes.set(groupId, (byEnv = new Map()));
      let sc = byEnv.get(envId);
      if (!sc) {
        const key = `${groupId}|${envId}`;
        byEnv.set(envId, (sc = { routes: routes.get(key) ?? [], literal: literal.get(key) ?? new Map(), vars: vars.get(key) ?? NO_VARS }));
      }
      return sc;
    };
    for (const l of live) {
      const api = JSON.parse(l.snapshot) as { group_id: string };
      scopeOf(api.group_id, l.env_id);
    }
    for (const key of vars.keys()) {
      const [groupId, envId] = key.split('|') as [string, string];
      scopeOf(groupId, envId);
    }
    for (const list of routes.values()) {
      for (const r of list) if (!r.swa && r.segments.every((s) => 'lit' in s)) r.literalMatch = Object.freeze({ route: r, pathParams: Object.freeze({}), rest: Object.freeze([]) as unknown as string[] });
    }
    Object.assign(this, { hosts, envs, routes, literal, vars, scopes, epoch });
  }

  envId(instanceId: string, stage: string): string | undefined {
    const m = this.envs.get(instanceId);
    if (!m) return undefined;
    return m.get(stage) ?? [...m.entries()].find(([name]) => name.toLowerCase() === stage.toLowerCase())?.[1];
  }

  /** The first route matching path and method; `methodMismatch` when only the path matched. */
  find(groupId: string, envId: string, method: string, segs: string[]): RouteMatch | { methodMismatch: true; cors: boolean } | null {
    return this.findIn(this.scope(groupId, envId), method, segs);
  }

  /** The routes and variables of a group in an environment (undefined: nothing published there, no variables). */
  scope(groupId: string, envId: string): RouteScope | undefined {
    return this.scopes.get(groupId)?.get(envId);
  }

  findIn(scope: RouteScope | undefined, method: string, segs: string[]): RouteMatch | { methodMismatch: true; cors: boolean } | null {
    if (!scope) return null;
    // a fully literal route is the most specific of all that match its path: no scan needed
    const lit = scope.literal.size > 0 ? scope.literal.get(segs.join('/')) : undefined;
    if (lit) {
      for (const route of lit) {
        if (route.method === 'ANY' || route.method === method || (method === 'HEAD' && route.method === 'GET')) return route.literalMatch!;
      }
    }
    let pathHit: CompiledRoute | undefined;
    for (const route of scope.routes) {
      const m = matchSegments(route, segs);
      if (!m) continue;
      if (route.method === 'ANY' || route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { route, pathParams: m.params, rest: m.rest };
      }
      pathHit ??= route;
    }
    return pathHit ? { methodMismatch: true, cors: pathHit.api.cors } : null;
  }
}
