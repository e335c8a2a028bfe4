// Reading the two headers of an SDK-HMAC-SHA256 request (../shared/roma-api/iam.md, "Request
// signing"): the Authorization value and X-Sdk-Date, by scanning (no regex, no Date: they run on
// every signed gateway call), and formatting X-Sdk-Date for signers.
export const ALGORITHM = 'SDK-HMAC-SHA256';
export interface ParsedAuthorization { access: string; signedHeaders: readonly string[]; signature: string }

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

const SIG_FIELD = 'Signature=';
/** What came before `Signature=` in headers parsed before → their Access and SignedHeaders: a client
 * sends the same prefix on every call, and only the signature changes. Bounded: a flood of
 * distinct prefixes stops being remembered, it is still parsed. */
const PREFIXES = new Map<string, { access: string; signedHeaders: readonly string[] }>();
const MAX_PREFIXES = 1000;

/**
 * `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex` → parts, or null when malformed.
 * The result's `signedHeaders` may be shared between calls: read it, never change it.
 */
export function parseAuthorization(value: string): ParsedAuthorization | null {
  const v = value.trim();
  // the signature last, as every SDK writes it, after a prefix seen before: only the signature to check
  const at = v.length - 64 - SIG_FIELD.length;
  const tail = at > 0 && v.startsWith(SIG_FIELD, at);
  if (tail) {
    const known = PREFIXES.get(v.slice(0, at));
    const sig = v.slice(at + SIG_FIELD.length);
    if (known && isHex64(sig)) return { access: known.access, signedHeaders: known.signedHeaders, signature: sig.toLowerCase() };
  }
  const parsed = parseFields(v);
  // remembered only when the signature was a field of its own, after a comma
  if (parsed && tail && PREFIXES.size < MAX_PREFIXES && v.slice(0, at).trimEnd().endsWith(',')) {
    PREFIXES.set(v.slice(0, at), { access: parsed.access, signedHeaders: Object.freeze(parsed.signedHeaders) });
  }
  return parsed;
}

/** The full scan: the grammar the regexes had (scheme, whitespace, comma-separated `name=value` fields on one line). */
function parseFields(v: string): ParsedAuthorization | null {
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
