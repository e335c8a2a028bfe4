// Error bodies per API family, and the codes roma-local answers with.
// The reference (../shared/roma-api/errors.md) fixes only some codes; the rest are chosen here.
//
// | Situation                          | HTTP | ROMA common (apps, dicts, list) | APIC (instance detail) | IAM        |
// |------------------------------------|------|---------------------------------|------------------------|------------|
// | no X-Auth-Token                    | 401  | ROMA.1000                       | APIG.1000              | —          |
// | unknown / expired token            | 401  | ROMA.1002                       | APIC.7102              | —          |
// | token of another project           | 403  | ROMA.1006                       | APIG.1005              | —          |
// | unknown URL                        | 404  | ROMA.1007                       | APIG.1007 (chosen)     | 404        |
// | method not allowed on a known URL  | 405  | ROMA.1008 (chosen)              | APIG.1008 (chosen)     | 405        |
// | invalid parameter (field named)    | 400  | ROMA.13000                      | APIG.2011              | 400        |
// | request body missing               | 400  | ROMA.13001                      | APIG.2001              | 400        |
// | body is not valid JSON             | 400  | ROMA.13002 (chosen)             | APIG.2000              | 400        |
// | unsupported Content-Type           | 415  | ROMA.13003 (chosen)             | APIG.2000              | 415        |
// | body over 1 MiB                    | 413  | ROMA.13004 (chosen)             | APIG.2000              | 413        |
// | wrong user / password / domain     | 401  | —                               | —                      | 401        |
// | instance does not exist            | 404  | ROMA.00110002                   | APIC.7302              | —          |
// | app / dictionary does not exist    | 404  | ROMA.00110006                   | —                      | —          |
// | name / key / code already used     | 409  | ROMA.00110007 (chosen)          | —                      | —          |
// | no permission on the app           | 403  | ROMA.12001                      | —                      | —          |
// | unknown member user id             | 400  | ROMA.00110012 (chosen)          | —                      | —          |
// | parent dictionary does not exist   | 400  | ROMA.00110010 (chosen)          | —                      | —          |
// | child dictionary cannot be a parent| 400  | ROMA.00110011 (chosen)          | —                      | —          |
// | system dictionary delete           | 403  | ROMA.00110008 (chosen)          | —                      | —          |
// | dictionary still has children      | 409  | ROMA.00110009 (chosen)          | —                      | —          |
// | unexpected server fault            | 500  | ROMA.9999 (chosen)              | APIC.9000              | 500        |
// | AK/SK signature refused (auth/signed.ts) | 401 | APIGW.0301 (vendor gateway)  | APIGW.0301             | 401        |
import type { FastifyReply } from 'fastify';

export type Family = 'iam' | 'roma' | 'apic' | 'fdi' | 'link';

/** An error with an HTTP status and a family-specific code, rendered by the error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Generic situations whose code depends on the family. */
export type ErrorKind =
  | 'noToken' | 'badToken' | 'forbidden' | 'noRoute' | 'badMethod' | 'invalidParam' | 'missingBody'
  | 'badJson' | 'badMediaType' | 'tooLarge' | 'instanceNotFound' | 'internal';

// LINK's generic codes are tabled in link/errors.ts.
const KINDS: Record<ErrorKind, { status: number; roma: string; apic: string; link: string }> = {
  noToken: { status: 401, roma: 'ROMA.1000', apic: 'APIG.1000', link: 'SCB.00000000' },
  badToken: { status: 401, roma: 'ROMA.1002', apic: 'APIC.7102', link: 'SCB.00000000' },
  forbidden: { status: 403, roma: 'ROMA.1006', apic: 'APIG.1005', link: 'RML.0008' },
  noRoute: { status: 404, roma: 'ROMA.1007', apic: 'APIG.1007', link: 'SCB.00000000' },
  badMethod: { status: 405, roma: 'ROMA.1008', apic: 'APIG.1008', link: 'SCB.00000000' },
  invalidParam: { status: 400, roma: 'ROMA.13000', apic: 'APIG.2011', link: 'SCB.00000000' },
  missingBody: { status: 400, roma: 'ROMA.13001', apic: 'APIG.2001', link: 'RML.0005' },
  badJson: { status: 400, roma: 'ROMA.13002', apic: 'APIG.2000', link: 'RML.0003' },
  badMediaType: { status: 415, roma: 'ROMA.13003', apic: 'APIG.2000', link: 'RML.0006' },
  tooLarge: { status: 413, roma: 'ROMA.13004', apic: 'APIG.2000', link: 'RML.0002' },
  instanceNotFound: { status: 404, roma: 'ROMA.00110002', apic: 'APIC.7302', link: 'ROMA.00110002' },
  internal: { status: 500, roma: 'ROMA.9999', apic: 'APIC.9000', link: 'RML.9999' },
};

/** FDI answers its own code where the reference has one (FDI.3002 invalid parameters); the rest as ROMA common. */
const FDI_KINDS: Partial<Record<ErrorKind, string>> = {
  invalidParam: 'FDI.3002', missingBody: 'FDI.3002', badJson: 'FDI.3002', badMediaType: 'FDI.3002', tooLarge: 'FDI.3002',
  instanceNotFound: 'FDI.3004', internal: 'FDI.3999',
};

export function familyError(family: Family, kind: ErrorKind, message: string): ApiError {
  const k = KINDS[kind];
  if (family === 'fdi') return new ApiError(k.status, FDI_KINDS[kind] ?? k.roma, message);
  const code = family === 'apic' ? k.apic : family === 'link' ? k.link : family === 'iam' ? String(k.status) : k.roma;
  return new ApiError(k.status, code, message);
}

// Specific ROMA-common codes used by the apps and dictionaries families.
export const ROMA = {
  notFound: (id: string) =>
    new ApiError(404, 'ROMA.00110006', `The resource does not exist. Check whether the resource ID ${id} is correct.`),
  conflict: (msg: string) => new ApiError(409, 'ROMA.00110007', msg),
  appForbidden: (msg: string) => new ApiError(403, 'ROMA.12001', msg),
  unknownUser: (msg: string) => new ApiError(400, 'ROMA.00110012', msg),
  noParent: (msg: string) => new ApiError(400, 'ROMA.00110010', msg),
  tooDeep: (msg: string) => new ApiError(400, 'ROMA.00110011', msg),
  systemDict: (msg: string) => new ApiError(403, 'ROMA.00110008', msg),
  hasChildren: (msg: string) => new ApiError(409, 'ROMA.00110009', msg),
};

/** Which family's error shape a URL gets. */
export function familyOf(url: string): Family {
  const path = url.split('?')[0] ?? '';
  if (/^\/v3(\.0)?(\/|$)/.test(path)) return 'iam'; // /v3/auth/tokens, /v3.0/OS-CREDENTIAL/...
  if (/^\/v2\/[^/]+\/apic(\/|$)/.test(path)) return 'apic';
  if (/^\/v2\/[^/]+\/fdi(\/|$)/.test(path)) return 'fdi';
  if (/^\/v2\/[^/]+\/link(\/|$)/.test(path)) return 'link';
  return 'roma';
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 500: 'Internal Server Error',
};

export function errorBody(family: Family, err: ApiError, requestId: string): Record<string, unknown> {
  if (family === 'iam') {
    return { error: { code: err.status, message: err.message, title: TITLES[err.status] ?? 'Error' } };
  }
  if (family === 'apic') return { error_code: err.code, error_msg: err.message };
  return { error_code: err.code, error_msg: err.message, request_id: requestId };
}

export function sendError(reply: FastifyReply, family: Family, err: ApiError): FastifyReply {
  return reply
    .code(err.status)
    .type('application/json; charset=utf-8')
    .send(errorBody(family, err, String(reply.request.id)));
}

/** Maps anything thrown (Fastify's own errors included) to an ApiError; never leaks internals. */
export function toApiError(err: unknown, family: Family): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { code?: unknown; statusCode?: unknown; name?: unknown };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return familyError(family, 'tooLarge', 'The request body exceeds the 1 MiB limit.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return familyError(family, 'badMediaType', 'Unsupported Content-Type: send application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return familyError(family, 'missingBody', 'The request body is missing.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return familyError(family, 'badJson', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return familyError(family, 'invalidParam', 'The Content-Length header does not match the body.');
  }
  if (e.name === 'SyntaxError') return familyError(family, 'badJson', 'The request body is not valid JSON.');
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) return familyError(family, 'invalidParam', 'The request is invalid.');
  return familyError(family, 'internal', 'Internal server error.');
}
