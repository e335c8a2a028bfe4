// Errors the BFF makes itself. They use the ROMA error shape so the console's one error
// normaliser handles them like any upstream error; the BFF.xxxx code tells support where it came from.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const BFF_ERRORS = {
  'BFF.0000': { status: 500, msg: 'Internal error in the console server' },
  'BFF.0001': { status: 401, msg: 'Missing or invalid X-CSRF header' },
  'BFF.0002': { status: 401, msg: 'Not logged in or the session has expired' },
  'BFF.0003': { status: 400, msg: 'Invalid login request' },
  'BFF.0004': { status: 401, msg: 'Wrong user name, password or domain (or no access to the project)' },
  'BFF.0005': { status: 429, msg: 'Too many login attempts; try again later' },
  'BFF.0006': { status: 403, msg: 'Access to this project or path is not allowed' },
  'BFF.0007': { status: 405, msg: 'Method not allowed' },
  'BFF.0008': { status: 502, msg: 'Upstream service unreachable' },
  'BFF.0009': { status: 504, msg: 'Upstream service did not answer in time' },
  'BFF.0010': { status: 403, msg: 'Cross-origin request refused' },
  'BFF.0011': { status: 400, msg: 'Invalid request path' },
  'BFF.0012': { status: 400, msg: 'Malformed request' },
  'BFF.0013': { status: 413, msg: 'Request body too large' },
  'BFF.0014': { status: 404, msg: 'Not found' },
  'BFF.0015': { status: 415, msg: 'Unsupported content type' },
  'BFF.0016': { status: 502, msg: 'Upstream service gave an invalid answer' },
  'BFF.0017': { status: 403, msg: 'Login refused: the user lacks permission or the account is restricted' },
  'BFF.0018': { status: 503, msg: 'The session store (Redis) is unavailable; try again shortly' },
  'BFF.0019': { status: 400, msg: 'Invalid audit query' },
  'BFF.0020': { status: 400, msg: 'The identity service refused the login request (check domain and project names)' },
  'BFF.0021': { status: 429, msg: 'The identity service is limiting logins for this account; try again later' },
  'BFF.0022': { status: 502, msg: 'The identity service (IAM) failed; try again later' },
  'BFF.0023': { status: 503, msg: 'The audit store is unavailable; try again shortly' },
} as const;

/*
 * What the login page gets from POST /bff/login, by IAM answer (each with its own code and message):
 *   IAM 401            → 401 BFF.0004 wrong user name, password or domain (counts for the login rate limit)
 *   IAM 400 / 404      → 400 BFF.0020 IAM refused the request (domain/project names)
 *   IAM 403            → 403 BFF.0017 user lacks permission or the account is restricted
 *   IAM 429            → 429 BFF.0021 IAM itself is limiting logins (Retry-After passed on when IAM sends it)
 *   IAM 5xx            → 502 BFF.0022 IAM failed
 *   IAM other / broken → 502 BFF.0016; unreachable 502 BFF.0008; silent 504 BFF.0009
 *   the BFF's own limit→ 429 BFF.0005 (Retry-After); bad form 400 BFF.0003
 *   Redis down         → 503 BFF.0018 (any /bff or /api call that needs the session store)
 */

export type BffErrorCode = keyof typeof BFF_ERRORS;

export interface BffErrorBody {
  error_code: BffErrorCode;
  error_msg: string;
  request_id: string;
}

/** Thrown anywhere in the BFF; the error handler turns it into the ROMA-shaped body. */
export class BffError extends Error {
  readonly code: BffErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(code: BffErrorCode, msg?: string, headers: Record<string, string> = {}, cause?: unknown) {
    super(msg ?? BFF_ERRORS[code].msg, cause === undefined ? undefined : { cause });
    this.name = 'BffError';
    this.code = code;
    this.status = BFF_ERRORS[code].status;
    this.headers = headers;
  }
}

export function bffErrorBody(code: BffErrorCode, requestId: string, msg?: string): BffErrorBody {
  return { error_code: code, error_msg: msg ?? BFF_ERRORS[code].msg, request_id: requestId };
}

/** Answers with a BFF error. `requestId` overrides the request's own id (e.g. the upstream's). */
export function sendBffError(
  request: FastifyRequest,
  reply: FastifyReply,
  err: BffError,
  requestId: string = request.id,
): FastifyReply {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  reply.header('x-request-id', requestId);
  return reply
    .code(err.status)
    .type('application/json; charset=utf-8')
    .send(bffErrorBody(err.code, requestId, err.message));
}
