// The gateway's error answers: the vendor's gateway codes (API Gateway "Error Codes" page,
// APIG.0xxx) in the gateway shape `{error_code, error_msg, request_id}`.
// APP auth rows: https://support.huaweicloud.com/intl/en-us/usermanual-apig/apig_03_0048.html (0303 401
// "Incorrect app authentication information", 0304 403 "The app is not authorized to access the API")
// and the signing guide's FAQ https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-0003.html
// (messages "app not found, appkey …", "verify signature fail", "signature expired, signature time:…,server time:…").
//
// | Situation                                              | HTTP | Code                |
// |--------------------------------------------------------|------|---------------------|
// | no group for the Host, no env for X-Stage, no API for   | 404  | APIG.0101 (ref)     |
// |   the path, or the API is not published in that env    |      |                     |
// | path matches but not the method                         | 404  | APIG.0101 (ref, "The API does not exist.") |
// | bad request: missing/invalid parameter, bad URL        | 400  | APIG.0201 (ref)     |
// | request body over 12 MiB                                | 413  | APIG.0201 (ref)     |
// | request URI over 32 KiB                                 | 414  | APIG.0201 (ref)     |
// | request headers too large                               | 494  | APIG.0201 (ref)     |
// | malformed HTTP request (request line, headers, framing) | 400  | APIG.0201 (chosen)  |
// | request not received in time (headers 60 s, whole 120 s)| 408  | APIG.0201 (chosen)  |
// | Expect other than 100-continue                          | 417  | APIG.0201 (chosen)  |
// | HTTP version other than 1.0 / 1.1                        | 505  | APIG.0201 (chosen)  |
// | backend refused / reset the connection                  | 502  | APIG.0201 (ref)     |
// | backend did not answer within the API's timeout         | 504  | APIG.0201 (ref)     |
// | unexpected gateway fault                                | 500  | APIG.0201 (ref)     |
// | environment variable used by the backend is undefined   | 500  | APIG.0105 (ref)     |
// | IAM auth: no / unknown / expired X-Auth-Token           | 401  | APIG.0301 (ref)     |
// | IAM auth: token of another project                      | 403  | APIG.0302 (chosen)  |
// | APP auth: no signature / AppCode, malformed or wrong    | 401  | APIG.0303 (ref)     |
// |   signature, unknown AppKey or AppCode, X-Sdk-Date more  |      |                     |
// |   than 15 min off ("signature expired"), AppCode not     |      |                     |
// |   allowed by the API (auth_opt.app_code_auth_type)       |      |                     |
// | APP auth: signature already used (replay) in its window | 401  | APIG.0303 (chosen)  |
// | APP auth: app not authorised to the API in that env     | 403  | APIG.0304 (ref)     |
// | throttling policy / rate_limit plugin / client quota    | 429  | APIG.0308 (ref)     |
// |   limit reached (policies/gateway/stages.ts)            |      |                     |
// | FUNCTION / VPC-channel backend, custom authorizer:     | 501  | APIG.0199 (chosen)  |
// |   stored and shown, not available in roma-local         |      |                     |
import { randomBytes } from 'node:crypto';

/** Request ids: 32 hex characters, a random per-process prefix and a counter (no RNG call per request). */
const ID_PREFIX = randomBytes(8).toString('hex');
let idCounter = 0;
export const requestId = (): string => ID_PREFIX + (idCounter++).toString(16).padStart(16, '0');

export class GatewayError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'GatewayError';
  }
}

export const GW = {
  noApi: (detail = '') => new GatewayError(404, 'APIG.0101', `The API does not exist or has not been published in the environment.${detail ? ` ${detail}` : ''}`),
  noMethod: () => new GatewayError(404, 'APIG.0101', 'The API does not exist.'),
  badRequest: (detail: string) => new GatewayError(400, 'APIG.0201', `API request error: ${detail}`),
  tooLarge: () => new GatewayError(413, 'APIG.0201', 'Request entity too large.'),
  uriTooLarge: () => new GatewayError(414, 'APIG.0201', 'Request URI too large.'),
  requestTimeout: () => new GatewayError(408, 'APIG.0201', 'Request timeout.'),
  expectationFailed: () => new GatewayError(417, 'APIG.0201', 'Expectation failed: only 100-continue is supported.'),
  httpVersion: () => new GatewayError(505, 'APIG.0201', 'HTTP version not supported.'),
  headersTooLarge: () => new GatewayError(494, 'APIG.0201', 'Request headers too large.'),
  backendUnavailable: (detail = '') => new GatewayError(502, 'APIG.0201', `Backend unavailable.${detail ? ` ${detail}` : ''}`),
  backendTimeout: () => new GatewayError(504, 'APIG.0201', 'Backend timeout.'),
  internal: () => new GatewayError(500, 'APIG.0201', 'An unexpected error occurred'),
  backendConfig: (detail: string) => new GatewayError(500, 'APIG.0105', `The backend configurations do not exist. ${detail}`),
  iam: (detail: string) => new GatewayError(401, 'APIG.0301', `Incorrect IAM authentication information: ${detail}`),
  iamForbidden: () => new GatewayError(403, 'APIG.0302', 'The IAM user is not authorized to access the API: the token belongs to another project.'),
  app: (detail: string) => new GatewayError(401, 'APIG.0303', `Incorrect app authentication information: ${detail}`),
  appNotAuthorized: () => new GatewayError(403, 'APIG.0304', 'The app is not authorized to access the API.'),
  unavailable: (what: string) => new GatewayError(501, 'APIG.0199', `Not available in roma-local: ${what}.`),
};

export const gatewayErrorBody = (e: GatewayError, requestId: string) => ({ error_code: e.code, error_msg: e.message, request_id: requestId });
