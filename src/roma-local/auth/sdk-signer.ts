// SDK-HMAC-SHA256, the request signature of the vendor's SDKs (../shared/roma-api/iam.md, "Request
// signing"): canonical request → string to sign → hex HMAC-SHA256 keyed with the SK bytes.
// Both sides live here: `signRequest` (what an SDK does; tests and scripts use it) and the pieces
// the verifier recomputes. Re-derived from the reference, not copied from an SDK.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** RFC 3986 strict: only A-Z a-z 0-9 - _ . ~ stay; the Go and Python SDKs encode this way. */
export function escapeStrict(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** The Node SDK uses encodeURIComponent, which leaves !'()* alone. */
export const escapeNode = (s: string): string => encodeURIComponent(s);

export type Escape = (s: string) => string;

/** Path (decoded) → each segment escaped, always ending in "/" (the vendor's quirk). */
export function canonicalUri(decodedPath: string, escape: Escape = escapeStrict): string {
  const p = decodedPath.split('/').map(escape).join('/');
  return p.endsWith('/') ? p : `${p}/`;
}

/** Pairs (decoded) → sorted by key, values of a key sorted, `k=v` escaped, joined with `&`. */
export function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>, escape: Escape = escapeStrict, lowerKeys = false): string {
  if (pairs.length === 0) return '';
  const byKey = new Map<string, string[]>();
  for (const [k0, v] of pairs) {
    const k = lowerKeys ? k0.toLowerCase() : k0;
    byKey.set(k, [...(byKey.get(k) ?? []), v]);
  }
  const keys = [...byKey.keys()].sort(byCodeUnit);
  return keys.flatMap((k) => [...(byKey.get(k) ?? [])].sort(byCodeUnit).map((v) => `${escape(k)}=${escape(v)}`)).join('&');
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `name:trimmed value\n` for each signed header, in the order of the (sorted) list. */
export function canonicalHeaders(signed: readonly string[], valueOf: (name: string) => string | undefined): string {
  return signed.map((h) => `${h}:${(valueOf(h) ?? '').trim()}\n`).join('');
}

export interface CanonicalParts {
  method: string;
  uri: string; // canonicalUri(...)
  query: string; // canonicalQuery(...)
  headers: string; // canonicalHeaders(...)
  signedHeaders: readonly string[];
  payloadHash: string;
}

export const canonicalRequest = (p: CanonicalParts): string =>
  [p.method.toUpperCase(), p.uri, p.query, p.headers, p.signedHeaders.join(';'), p.payloadHash].join('\n');

export const stringToSign = (canonical: string, sdkDate: string): string =>
  `${ALGORITHM}\n${sdkDate}\n${createHash('sha256').update(canonical).digest('hex')}`;

export const signature = (sk: string, toSign: string): string => createHmac('sha256', sk).update(toSign).digest('hex'); // a string key is its UTF-8 bytes

export const sha256Hex = (body: string | Buffer): string => createHash('sha256').update(body).digest('hex');

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ParsedAuthorization { access: string; signedHeaders: string[]; signature: string }

/** `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex` → parts, or null when malformed. */
export function parseAuthorization(value: string): ParsedAuthorization | null {
  const m = /^SDK-HMAC-SHA256\s+(.*)$/i.exec(value.trim());
  if (!m?.[1]) return null;
  const fields = new Map<string, string>();
  for (const part of m[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const access = fields.get('access');
  const signed = fields.get('signedheaders');
  const sig = fields.get('signature');
  if (!access || !signed || !sig || !/^[0-9a-f]{64}$/i.test(sig)) return null;
  const signedHeaders = signed.split(';').map((h) => h.trim().toLowerCase());
  if (signedHeaders.some((h) => h === '')) return null;
  return { access, signedHeaders, signature: sig.toLowerCase() };
}

/** `YYYYMMDDTHHMMSSZ` → epoch ms, or null. */
export function parseSdkDate(value: string): number | null {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(ms);
  return back.getUTCMonth() === mo! - 1 && back.getUTCDate() === d! ? ms : null;
}

export const formatSdkDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** A received request as the verifier needs it: method, raw (still escaped) path and query, header lookup. */
export interface ReceivedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  header: (lowerName: string) => string | undefined;
}

/**
 * Recomputes the signature the way each SDK flavour may have built it (strict or Node escaping,
 * query keys as sent or lower-cased as the Go SDK does) over exactly the headers named in
 * `SignedHeaders`; true if one matches. Shared by the AK/SK hook and the gateway's APP auth.
 */
export function verifySignature(req: ReceivedRequest, parsed: ParsedAuthorization, secret: string, sdkDate: string, payloadHash: string): boolean {
  // fast paths (most gateway calls): nothing escaped in the path, no query string
  const path = !req.rawPath.includes('%') ? req.rawPath
    : req.rawPath.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } }).join('/');
  const pairs = req.rawQuery === '' ? [] : [...new URLSearchParams(req.rawQuery).entries()];
  const headers = canonicalHeaders(parsed.signedHeaders, req.header);
  const tried = new Set<string>();
  for (const escape of [escapeStrict, escapeNode]) {
    for (const lowerKeys of [false, true]) {
      const canonical = canonicalRequest({
        method: req.method, uri: canonicalUri(path, escape), query: canonicalQuery(pairs, escape, lowerKeys), headers,
        signedHeaders: parsed.signedHeaders, payloadHash,
      });
      if (tried.has(canonical)) continue;
      tried.add(canonical);
      if (sameSignature(signature(secret, stringToSign(canonical, sdkDate)), parsed.signature)) return true;
    }
  }
  return false;
}

export interface SignInput {
  method: string;
  /** Full URL of the request (host and path are signed as sent). */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  ak: string;
  sk: string;
  /** ms; default now. */
  date?: number;
  /** Signed header names; default: every header passed plus host and x-sdk-date (as the Node SDK). */
  signedHeaders?: string[];
}

/** What an SDK does before sending: adds X-Sdk-Date and Authorization to the headers. */
export function signRequest(input: SignInput): Record<string, string> {
  const url = new URL(input.url);
  const headers: Record<string, string> = { ...(input.headers ?? {}) };
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (!lower.has('x-sdk-date')) {
    headers['X-Sdk-Date'] = formatSdkDate(input.date ?? Date.now());
    lower.set('x-sdk-date', headers['X-Sdk-Date']);
  }
  lower.set('host', url.host);
  const signed = (input.signedHeaders ?? [...lower.keys()]).map((h) => h.toLowerCase()).sort(byCodeUnit);
  const path = url.pathname.split('/').map((s) => decodeURIComponent(s)).join('/');
  const canonical = canonicalRequest({
    method: input.method,
    uri: canonicalUri(path),
    query: canonicalQuery([...url.searchParams.entries()]),
    headers: canonicalHeaders(signed, (h) => lower.get(h)),
    signedHeaders: signed,
    payloadHash: lower.get('x-sdk-content-sha256') ?? sha256Hex(input.body ?? ''),
  });
  const sig = signature(input.sk, stringToSign(canonical, lower.get('x-sdk-date') as string));
  headers.Authorization = `${ALGORITHM} Access=${input.ak}, SignedHeaders=${signed.join(';')}, Signature=${sig}`;
  return headers;
}
