// The gateway as a list of named request stages run in order until one produces a result:
//   route → auth → [consumer checks: app auth, ACL, quotas, throttling, plugins — next issue] → params → backend
// A stage reads and enriches the context, throws a GatewayError to answer with an error, or sets
// `ctx.result` to answer. Insert new stages with `pipeline.use(name, stage, { after: 'auth' })`.
import type { Readable } from 'node:stream';
import type { TokenInfo } from '../../iam/tokens';
import type { RouteMatch } from './routing';

/** A request as the gateway sees it (from the HTTP server, or built by the debug operation). */
export interface GatewayRequest {
  method: string;
  /** Raw path, still percent-encoded, without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  host: string;
  remoteAddress: string;
  localAddress: string;
}

export interface GatewayResult {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer | Readable;
}

export interface GatewayContext {
  requestId: string;
  started: number;
  req: GatewayRequest;
  /** Human-readable trace lines (the debug operation returns them as `log`). */
  log: string[];
  /** Set when someone reads `log` (debug): the built-in stages only build their lines then. */
  trace?: boolean;
  /** Environment (set by the route stage). */
  envId?: string;
  envName?: string;
  groupId?: string;
  instanceId?: string;
  /** Project of that instance (IAM tokens must be scoped to it). */
  projectId?: string;
  match?: RouteMatch;
  /** Variables of the group in that environment. */
  vars?: ReadonlyMap<string, string>;
  /** Caller identity set by the auth stage (IAM token owner). */
  caller?: TokenInfo;
  /** Consumer app set by APP auth (next issue). */
  app?: { id: string; name: string; key: string };
  /** Declared request parameters after defaults, by name (set by the params stage). */
  params?: ReadonlyMap<string, string>;
  backendLatency?: number;
  result?: GatewayResult;
  /** Run on the final answer, errors included (consumer plugins: CORS, response headers). */
  onAnswer?: ((result: GatewayResult) => void)[];
}

export type Stage = (ctx: GatewayContext) => void | Promise<void>;

/** A context with every field present from the start: one hidden class for every request's
 * context (fields added later, stage by stage, made V8 migrate each context's map). */
export function newContext(requestId: string, started: number, req: GatewayRequest, trace: boolean): GatewayContext {
  return {
    requestId, started, req, log: [], trace, envId: undefined, envName: undefined, groupId: undefined, instanceId: undefined,
    projectId: undefined, match: undefined, vars: undefined, caller: undefined, app: undefined, params: undefined,
    backendLatency: undefined, result: undefined, onAnswer: undefined,
  };
}

export class Pipeline {
  constructor(private readonly stages: { name: string; run: Stage }[] = []) {}

  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /** Adds a stage at the end, or before / after a named one. */
  use(name: string, run: Stage, where: { before?: string; after?: string } = {}): this {
    const anchor = where.before ?? where.after;
    if (anchor === undefined) {
      this.stages.push({ name, run });
      return this;
    }
    const i = this.stages.findIndex((s) => s.name === anchor);
    if (i < 0) throw new Error(`gateway pipeline: no stage named ${anchor}`);
    this.stages.splice(where.before !== undefined ? i : i + 1, 0, { name, run });
    return this;
  }

  /** A copy with one stage replaced (debug swaps the route stage for a fixed API). */
  with(name: string, run: Stage): Pipeline {
    return new Pipeline(this.stages.map((s) => (s.name === name ? { name, run } : s)));
  }

  /** Runs the stages in order; synchronous all the way (no promise) until a stage returns one. */
  run(ctx: GatewayContext): void | Promise<void> {
    const stages = this.stages;
    for (let i = 0; i < stages.length; i++) {
      const r = stages[i]!.run(ctx);
      if (r) return i + 1 === stages.length ? r : this.rest(ctx, r, i + 1); // the last stage's promise as it is
      if (ctx.result) return;
    }
  }

  private async rest(ctx: GatewayContext, pending: Promise<void>, from: number): Promise<void> {
    await pending;
    if (ctx.result) return;
    for (let i = from; i < this.stages.length; i++) {
      const r = this.stages[i]!.run(ctx);
      if (r) await r;
      if (ctx.result) return;
    }
  }
}
