// Turns an audited path into its route template and the ids in it:
//   /v2/p1/instances/i1/apps/a1 → /v2/{project_id}/instances/{instance_id}/apps/{app_id}
//   with { project_id: 'p1', instance_id: 'i1', app_id: 'a1' }.
// Templates of the vendor's API (known-routes.ts) give the exact parameter names; any other path
// gets a generic one: after /v2/{project_id}, a segment that is not a word of the API and follows
// a collection name is an id named after that collection (devices/7 → {device_id}).
import { KNOWN_ROUTES } from './known-routes';

export interface RouteTemplate {
  route: string;
  resourceIds: Record<string, string>;
}

interface Node {
  literals: Map<string, Node>;
  param?: { name: string; node: Node };
  end: boolean;
}

const newNode = (): Node => ({ literals: new Map(), end: false });
const root = newNode();
const WORDS = new Set<string>();
for (const route of KNOWN_ROUTES) {
  let node = root;
  for (const seg of route.split('/').slice(1)) {
    const m = /^\{(\w+)\}$/.exec(seg);
    if (m) {
      node.param ??= { name: m[1]!, node: newNode() };
      node = node.param.node;
    } else {
      WORDS.add(seg);
      let next = node.literals.get(seg);
      if (!next) node.literals.set(seg, (next = newNode()));
      node = next;
    }
  }
  node.end = true;
}

const MAX_ID = 256;

function decode(seg: string): string {
  let v = seg;
  try {
    v = decodeURIComponent(seg);
  } catch {
    // keep the raw form
  }
  return v.length > MAX_ID ? v.slice(0, MAX_ID) : v;
}

/** Literal segments win over parameters, so `apis/publish` is never read as an api id. */
function match(node: Node, segs: string[], i: number, params: Array<[string, string]>): Array<[string, string]> | undefined {
  if (i === segs.length) return node.end ? params : undefined;
  const seg = segs[i]!;
  const lit = node.literals.get(seg);
  if (lit) {
    const r = match(lit, segs, i + 1, params);
    if (r) return r;
  }
  if (node.param) return match(node.param.node, segs, i + 1, [...params, [node.param.name, seg]]);
  return undefined;
}

function singular(word: string): string {
  const w = word.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses') || w.endsWith('shes') || w.endsWith('ches')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function generic(segs: string[]): Array<[string, string] | string> {
  const out: Array<[string, string] | string> = [];
  let prevWasLiteral = false;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (i === 0) {
      out.push(seg);
      prevWasLiteral = false;
    } else if (i === 1) {
      out.push(['project_id', seg]);
      prevWasLiteral = false;
    } else if (!WORDS.has(seg) && prevWasLiteral) {
      out.push([`${singular(segs[i - 1]!)}_id`, seg]);
      prevWasLiteral = false;
    } else {
      out.push(seg);
      prevWasLiteral = true;
    }
  }
  return out;
}

/** `path` is the upstream path (/v2/{project}/...), without query. */
export function routeTemplate(path: string): RouteTemplate {
  const segs = path.split('/').slice(1);
  if (segs.length > 0 && segs[segs.length - 1] === '') segs.pop(); // trailing slash
  const resourceIds: Record<string, string> = {};
  const parts = match(root, segs, 0, []) ? fromKnown(segs) : generic(segs);
  const names: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      names.push(part.length > 64 ? '{segment}' : part);
      continue;
    }
    let [name] = part;
    for (let n = 2; name in resourceIds; n++) name = `${part[0]}_${n}`;
    resourceIds[name] = decode(part[1]);
    names.push(`{${name}}`);
  }
  return { route: `/${names.join('/')}`, resourceIds };
}

/** Re-walks the matched template to place its parameters. */
function fromKnown(segs: string[]): Array<[string, string] | string> {
  const out: Array<[string, string] | string> = [];
  let node = root;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const lit = node.literals.get(seg);
    if (lit && match(lit, segs, i + 1, [])) {
      out.push(seg);
      node = lit;
    } else {
      out.push([node.param!.name, seg]);
      node = node.param!.node;
    }
  }
  return out;
}
