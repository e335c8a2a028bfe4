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

/** `k` is `name` (lower-case) in any case; the length check spares a toLowerCase for most keys. */
const sameName = (k: string, name: string): boolean => k === name || (k.length === name.length && k.toLowerCase() === name);

function setHeader(h: GatewayResult['headers'], name: string, value: string | string[] | undefined): void {
  for (const k in h) if (sameName(k, name)) delete h[k];
  if (value !== undefined) h[name] = value;
}

/** Values of `name` under any spelling of it, or undefined when absent. */
function valuesOf(h: GatewayResult['headers'], name: string): string[] | undefined {
  let out: string[] | undefined;
  for (const k in h) {
    if (!sameName(k, name)) continue;
    const v = h[k]!;
    if (Array.isArray(v)) (out ??= []).push(...v);
    else (out ??= []).push(v);
  }
  return out;
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
    if (r.action === 'override') { setHeader(h, name, r.value); continue; }
    if (r.action === 'delete') { setHeader(h, name, undefined); continue; }
    const existing = valuesOf(h, name);
    switch (r.action) {
      case 'append': setHeader(h, name, existing ? `${existing.join(',')},${r.value}` : r.value); break;
      case 'skip': if (!existing) setHeader(h, name, r.value); break;
      case 'add': setHeader(h, name, existing ? [...existing, r.value] : r.value); break;
    }
  }
}
