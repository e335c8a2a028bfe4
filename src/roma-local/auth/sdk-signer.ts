// SDK-HMAC-SHA256, the request signature of the vendor's SDKs (../shared/roma-api/iam.md, "Request
// signing"): canonical request → string to sign → hex HMAC-SHA256 keyed with the SK bytes.
// Both sides live here: `signRequest` (what an SDK does; tests and scripts use it) and the pieces
// the verifier recomputes. Re-derived from the reference, not copied from an SDK.
import { createHash, hash } from 'node:crypto';
import { HmacKey } from './hmac-key';
import { ALGORITHM, formatSdkDate, type ParsedAuthorization } from './sdk-parse';

// the header parsers live in sdk-parse.ts; callers import them from here as before
export * from './sdk-parse';

export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** RFC 3986 strict: only A-Z a-z 0-9 - _ . ~ stay; the Go and Python SDKs encode this way. */
export function escapeStrict(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** The Node SDK uses encodeURIComponent, which leaves !'()* alone. */
export const escapeNode = (s: string): string => encodeURIComponent(s);

export type Escape = (s: string) => string;

/** Nothing for either escaping to change: only unreserved characters and "/". */
const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/** Path (decoded) → each segment escaped, always ending in "/" (the vendor's quirk). */
export function canonicalUri(decodedPath: string, escape: Escape = escapeStrict): string {
  const p = PLAIN_PATH.test(decodedPath) ? decodedPath : decodedPath.split('/').map(escape).join('/');
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
  `${p.method.toUpperCase()}\n${p.uri}\n${p.query}\n${p.headers}\n${p.signedHeaders.join(';')}\n${p.payloadHash}`;

export const stringToSign = (canonical: string, sdkDate: string): string =>
  `${ALGORITHM}\n${sdkDate}\n${hash('sha256', canonical, 'hex')}`;

/** An HMAC key made once per secret (an app's, an access key's) instead of from the string on every call. */
export const hmacKey = (sk: string): HmacKey => new HmacKey(sk);
export { HmacKey };

const keyOf = (sk: string | HmacKey): HmacKey => (typeof sk === 'string' ? new HmacKey(sk) : sk); // a string key is its UTF-8 bytes

export const signature = (sk: string | HmacKey, toSign: string): string => keyOf(sk).hex(toSign);

export const sha256Hex = (body: string | Buffer): string => hash('sha256', body, 'hex');


/** A received request as the verifier needs it: method, raw (still escaped) path and query, headers. */
export interface ReceivedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** By lower-case name, as node parses them (repeated headers: an array, joined with ","). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

function headerValue(headers: ReceivedRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

const ESCAPES: readonly Escape[] = [escapeStrict, escapeNode];
const KEY_CASES: readonly boolean[] = [false, true];

/**
 * Recomputes the signature the way each SDK flavour may have built it (strict or Node escaping,
 * query keys as sent or lower-cased as the Go SDK does) over exactly the headers named in
 * `SignedHeaders`; true if one matches. Shared by the AK/SK hook and the gateway's APP auth.
 * `secret`: the SK, or its hmacKey() when the caller keeps one per secret.
 */
export function verifySignature(req: ReceivedRequest, parsed: ParsedAuthorization, secret: string | HmacKey, sdkDate: string, payloadHash: string): boolean {
  const key = keyOf(secret);
  let headers = '';
  for (const h of parsed.signedHeaders) headers += `${h}:${(headerValue(req.headers, h) ?? '').trim()}\n`;
  // the canonical request's tail is the same for every flavour
  const tail = `\n${headers}\n${parsed.signedHeaders.join(';')}\n${payloadHash}`;
  const method = req.method.toUpperCase();
  // fast path (most gateway calls): a plain path and no query read the same in every flavour
  if (req.rawQuery === '' && PLAIN_PATH.test(req.rawPath)) {
    const uri = req.rawPath.endsWith('/') ? req.rawPath : `${req.rawPath}/`;
    return key.matchesHex(stringToSign(`${method}\n${uri}\n${tail}`, sdkDate), parsed.signature);
  }
  const path = !req.rawPath.includes('%') ? req.rawPath
    : req.rawPath.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } }).join('/');
  const pairs = req.rawQuery === '' ? [] : [...new URLSearchParams(req.rawQuery).entries()];
  const tried = new Set<string>(); // uri + query of the flavours tried; most calls match the first
  for (const escape of ESCAPES) {
    for (const lowerKeys of KEY_CASES) {
      const uriQuery = `${canonicalUri(path, escape)}\n${canonicalQuery(pairs, escape, lowerKeys)}`;
      if (tried.has(uriQuery)) continue;
      tried.add(uriQuery);
      if (key.matchesHex(stringToSign(`${method}\n${uriQuery}${tail}`, sdkDate), parsed.signature)) return true;
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
  /** The SK, or hmacKey(sk) made once by a caller that signs many requests with it. */
  sk: string | HmacKey;
  /** ms; default now. */
  date?: number;
  /** Signed header names; default: every header passed plus host and x-sdk-date (as the Node SDK). */
  signedHeaders?: string[];
}

/** What an SDK does before sending: adds X-Sdk-Date and Authorization to the headers. */
export function signRequest(input: SignInput): Record<string, string> {
  const url = new URL(input.url);
  const headers: Record<string, string> = { ...input.headers };
  const lower = new Map<string, string>();
  for (const k in headers) lower.set(k.toLowerCase(), headers[k]!);
  if (!lower.has('x-sdk-date')) {
    headers['X-Sdk-Date'] = formatSdkDate(input.date ?? Date.now());
    lower.set('x-sdk-date', headers['X-Sdk-Date']);
  }
  lower.set('host', url.host);
  const signed = (input.signedHeaders ?? [...lower.keys()]).map((h) => h.toLowerCase()).sort(byCodeUnit);
  const path = url.pathname.includes('%') ? url.pathname.split('/').map((s) => decodeURIComponent(s)).join('/') : url.pathname;
  const canonical = canonicalRequest({
    method: input.method,
    uri: canonicalUri(path),
    query: url.search === '' ? '' : canonicalQuery([...url.searchParams.entries()]),
    headers: canonicalHeaders(signed, (h) => lower.get(h)),
    signedHeaders: signed,
    payloadHash: lower.get('x-sdk-content-sha256') ?? (input.body ? sha256Hex(input.body) : EMPTY_SHA256),
  });
  const sig = signature(input.sk, stringToSign(canonical, lower.get('x-sdk-date') as string));
  headers.Authorization = `${ALGORITHM} Access=${input.ak}, SignedHeaders=${signed.join(';')}, Signature=${sig}`;
  return headers;
}
