// What the cors and set_resp_headers plugins do to an answer.
import type { CorsContent, SetRespHeadersContent } from '../../../../contract/index';
import type { GatewayRequest, GatewayResult } from '../../gateway/pipeline';
import { header } from '../../gateway/stages';

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** The Access-Control-Allow-Origin value for this request's Origin, or undefined when not allowed. */
function allowedOrigin(req: GatewayRequest, c: CorsContent): string | undefined {
  const origin = header(req, 'origin');
  const allowed = list(c.allow_origin);
  if (allowed.includes('*')) return c.allow_credentials && origin ? origin : '*'; // credentials need the exact origin
  return origin && allowed.some((a) => a.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

function setHeader(h: GatewayResult['headers'], name: string, value: string | string[] | undefined): void {
  for (const k of Object.keys(h)) if (k.toLowerCase() === name) delete h[k];
  if (value !== undefined) h[name] = value;
}

export function preflightResult(req: GatewayRequest, c: CorsContent, method: string): GatewayResult {
  const headers: GatewayResult['headers'] = {};
  const origin = allowedOrigin(req, c);
  const methods = list(c.allow_methods).map((m) => m.toUpperCase());
  if (origin && (methods.length === 0 || methods.includes(method.trim().toUpperCase()))) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-methods'] = methods.join(', ');
    const asked = header(req, 'access-control-request-headers');
    const allowHeaders = c.allow_headers || asked;
    if (allowHeaders) headers['access-control-allow-headers'] = allowHeaders;
    headers['access-control-max-age'] = String(c.max_age);
    if (c.allow_credentials) headers['access-control-allow-credentials'] = 'true';
    if (origin !== '*') headers.vary = 'Origin';
  }
  return { status: 204, headers, body: Buffer.alloc(0) };
}

/** CORS headers on an actual (non-preflight) answer. */
export function applyCors(req: GatewayRequest, result: GatewayResult, c: CorsContent): void {
  const origin = allowedOrigin(req, c);
  if (!origin) return;
  setHeader(result.headers, 'access-control-allow-origin', origin);
  if (c.expose_headers) setHeader(result.headers, 'access-control-expose-headers', c.expose_headers);
  if (c.allow_credentials) setHeader(result.headers, 'access-control-allow-credentials', 'true');
}

/** override / append / delete / skip / add, as the vendor's HTTP response header plugin describes them. */
export function applyRespHeaders(result: GatewayResult, rules: SetRespHeadersContent['response_headers']): void {
  const h = result.headers;
  for (const r of rules) {
    const name = r.name.toLowerCase();
    const existing = Object.keys(h).filter((k) => k.toLowerCase() === name).flatMap((k) => (Array.isArray(h[k]) ? h[k] : [h[k] as string]));
    switch (r.action) {
      case 'override': setHeader(h, name, r.value); break;
      case 'append': setHeader(h, name, existing.length > 0 ? `${existing.join(',')},${r.value}` : r.value); break;
      case 'delete': setHeader(h, name, undefined); break;
      case 'skip': if (existing.length === 0) setHeader(h, name, r.value); break;
      case 'add': setHeader(h, name, existing.length > 0 ? [...existing, r.value] : r.value); break;
    }
  }
}
