// Request headers as the gateway's stages expect them (node:http's IncomingMessage rules):
// lower-case names; a repeated header joined with ', ', set-cookie as a list, cookie joined
// with '; ', and for the singletons node drops repeats of, the first one kept.
import { TOKEN } from './http1-syntax';

export type Headers = Record<string, string | string[]>;

/** What addHeader() reports about the line, for the parser's framing checks. */
export const OTHER = 0;
export const CONTENT_LENGTH = 1;
export const HOST = 2;
export const INVALID = -1;

const JOIN = 0;
const FIRST = 1;
const LIST = 2;
const COOKIE = 3;
const SINGLETONS = new Set(['content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization', 'proxy-authorization',
  'if-modified-since', 'if-unmodified-since', 'from', 'location', 'max-forwards', 'retry-after', 'etag', 'last-modified',
  'server', 'age', 'expires']);

interface Name { k: string; mode: number; kind: number }
/** Header names seen before, validated: clients repeat the same few. */
const NAMES = new Map<string, Name>();
function nameOf(raw: string): Name | undefined {
  let n = NAMES.get(raw);
  if (n === undefined) {
    if (!TOKEN.test(raw)) return undefined;
    const k = raw.toLowerCase();
    n = {
      k, mode: k === 'set-cookie' ? LIST : k === 'cookie' ? COOKIE : SINGLETONS.has(k) ? FIRST : JOIN,
      kind: k === 'content-length' ? CONTENT_LENGTH : k === 'host' ? HOST : OTHER,
    };
    if (NAMES.size < 1000) NAMES.set(raw, n);
  }
  return n;
}

/** Adds one header line (`raw` as sent, `v` trimmed) to `h`; returns its kind, or INVALID for a name that is not a token. */
export function addHeader(h: Headers, raw: string, v: string): number {
  const n = nameOf(raw);
  if (n === undefined) return INVALID;
  const k = n.k;
  const prev = h[k];
  if (prev === undefined) h[k] = n.mode === LIST ? [v] : v;
  else if (typeof prev === 'string') {
    if (n.mode === JOIN) h[k] = `${prev}, ${v}`;
    else if (n.mode === COOKIE) h[k] = `${prev}; ${v}`;
  } else if (Array.isArray(prev)) prev.push(v);
  return n.kind;
}
