// SDK-HMAC-SHA256, the request signature of the vendor's SDKs (../shared/roma-api/iam.md, "Request
// signing"): canonical request → string to sign → hex HMAC-SHA256 keyed with the SK bytes.
// Both sides live here: `signRequest` (what an SDK does; tests and scripts use it) and the pieces
// the verifier recomputes. Re-derived from the reference, not copied from an SDK.
import { createHash, createHmac, createSecretKey, hash, timingSafeEqual, type KeyObject } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';
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
export const hmacKey = (sk: string): KeyObject => createSecretKey(Buffer.from(sk, 'utf8'));

export const signature = (sk: string | KeyObject, toSign: string): string => createHmac('sha256', sk).update(toSign).digest('hex'); // a string key is its UTF-8 bytes

export const sha256Hex = (body: string | Buffer): string => hash('sha256', body, 'hex');

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ParsedAuthorization { access: string; signedHeaders: string[]; signature: string }

/** What `\s` matches (String.prototype.trim strips the same set). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const isLineEnd = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** True when `value` (trimmed) starts with the SDK-HMAC-SHA256 scheme, alone or followed by whitespace. */
export function isSdkScheme(value: string): boolean {
  const v = value.trim();
  const n = ALGORITHM.length;
  if (v.length < n || (v.length > n && !isSpace(v.charCodeAt(n)))) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 97 && c <= 122 ? c - 32 : c) !== ALGORITHM.charCodeAt(i)) return false; // ASCII case folding only, as /i does
  }
  return true;
}

function isHex64(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i) | 0x20; // folds A-F onto a-f (digits already have the bit)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex` → parts, or null when malformed.
 * A scan instead of regexes and a Map (it runs on every signed gateway call); the grammar is the
 * one the regexes had: scheme, whitespace, comma-separated `name=value` fields on one line.
 */
export function parseAuthorization(value: string): ParsedAuthorization | null {
  const v = value.trim();
  if (!isSdkScheme(v)) return null;
  let i = ALGORITHM.length;
  while (i < v.length && isSpace(v.charCodeAt(i))) i++;
  if (i === ALGORITHM.length || i === v.length) return null;
  let access: string | undefined;
  let signed: string | undefined;
  let sig: string | undefined;
  for (let start = i; start <= v.length;) {
    let end = v.indexOf(',', start);
    if (end < 0) end = v.length;
    const eq = v.indexOf('=', start);
    if (eq <= start || eq >= end) return null; // no "=", or nothing at all before it
    for (let j = start; j < end; j++) if (isLineEnd(v.charCodeAt(j))) return null;
    const name = v.slice(start, eq).trim();
    const field = v.slice(eq + 1, end).trim();
    switch (name.length) { // later duplicates win, as the Map did
      case 6: if (name.toLowerCase() === 'access') access = field; break;
      case 9: if (name.toLowerCase() === 'signature') sig = field; break;
      case 13: if (name.toLowerCase() === 'signedheaders') signed = field; break;
    }
    start = end + 1;
  }
  if (!access || !signed || !sig || !isHex64(sig)) return null;
  const signedHeaders = signed.split(';');
  for (let k = 0; k < signedHeaders.length; k++) {
    const h = signedHeaders[k]!.trim().toLowerCase();
    if (h === '') return null;
    signedHeaders[k] = h;
  }
  return { access, signedHeaders, signature: sig.toLowerCase() };
}

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYYMMDDTHHMMSSZ` → epoch ms, or null when malformed or out of range (no day 31 of a 30-day month, no minute 60). */
export function parseSdkDate(value: string): number | null {
  const v = value.trim();
  if (v.length !== 16 || v.charCodeAt(8) !== 84 /* T */ || v.charCodeAt(15) !== 90 /* Z */) return null;
  const c = twoDigits(v, 0);
  const yy = twoDigits(v, 2);
  const mo = twoDigits(v, 4);
  const d = twoDigits(v, 6);
  const h = twoDigits(v, 9);
  const mi = twoDigits(v, 11);
  const sec = twoDigits(v, 13);
  if (c < 0 || yy < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return null;
  const y = c * 100 + yy;
  const cal = y < 100 ? 1900 + y : y; // Date.UTC reads years 0-99 as 1900-1999
  const leap = mo === 2 && cal % 4 === 0 && (cal % 100 !== 0 || cal % 400 === 0);
  if (d > DAYS[mo - 1]! + (leap ? 1 : 0)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

/** The last second formatted: a signer sends many requests in the same second. */
let lastDate = { second: NaN, text: '' };
export function formatSdkDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastDate.second) {
    lastDate = { second, text: new Date(second * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z') };
  }
  return lastDate.text;
}

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
export function verifySignature(req: ReceivedRequest, parsed: ParsedAuthorization, secret: string | KeyObject, sdkDate: string, payloadHash: string): boolean {
  // fast paths (most gateway calls): nothing escaped in the path, no query string
  const path = !req.rawPath.includes('%') ? req.rawPath
    : req.rawPath.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } }).join('/');
  const pairs = req.rawQuery === '' ? [] : [...new URLSearchParams(req.rawQuery).entries()];
  let headers = '';
  for (const h of parsed.signedHeaders) headers += `${h}:${(headerValue(req.headers, h) ?? '').trim()}\n`;
  // the canonical request's tail is the same for every flavour
  const tail = `\n${headers}\n${parsed.signedHeaders.join(';')}\n${payloadHash}`;
  const method = req.method.toUpperCase();
  const want = Buffer.from(parsed.signature, 'hex'); // parseAuthorization let only 64 hex digits through
  let tried: string[] | undefined; // uri + query of the flavours tried; most calls match the first
  for (const escape of ESCAPES) {
    for (const lowerKeys of KEY_CASES) {
      const uriQuery = `${canonicalUri(path, escape)}\n${canonicalQuery(pairs, escape, lowerKeys)}`;
      if (tried?.includes(uriQuery)) continue;
      (tried ??= []).push(uriQuery);
      const mac = createHmac('sha256', secret).update(stringToSign(`${method}\n${uriQuery}${tail}`, sdkDate)).digest();
      if (mac.length === want.length && timingSafeEqual(mac, want)) return true;
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
  sk: string | KeyObject;
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
