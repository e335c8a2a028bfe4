// The request head the gateway's HTTP/1.1 backend client writes, validated as undici validated
// it: a method that is a token, a path and header values without control characters (a mapped
// parameter holding CR LF must not inject headers), header names that are tokens.

/** The request could not be sent as given (answered as a backend error, the backend never sees it). */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const BAD_PATH = /[^\x21-\xff]/;
/** Methods whose request carries a body by definition: an empty one is announced as such. */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
/** Framing and connection headers are the client's own: a mapped one is left out. */
const OWN = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer']);

export interface Http1Request {
  method: string;
  /** Path and query string. */
  path: string;
  /** Lower-case names; host, content-length and hop-by-hop headers are the client's own. */
  headers: Record<string, string | string[]>;
  body?: Buffer;
  /** Longest wait between two body bytes while the reader keeps up, in ms (0: none). */
  bodyTimeout: number;
}

/** `METHOD path HTTP/1.1` and the headers, as a latin1 string ending in the blank line. */
export function requestHead(r: Http1Request, host: string): string {
  if (!TOKEN.test(r.method)) throw new InvalidRequestError('invalid request method');
  if (!r.path.startsWith('/') || BAD_PATH.test(r.path)) throw new InvalidRequestError('invalid request path');
  const hs = r.headers;
  // a mapped Host header names the virtual host, as undici let it
  const h = typeof hs.host === 'string' && !BAD_VALUE.test(hs.host) ? hs.host : host;
  let head = `${r.method} ${r.path} HTTP/1.1\r\nhost: ${h}\r\n`;
  for (const k in hs) {
    const v = hs[k]!;
    if (OWN.has(k)) continue;
    if (!TOKEN.test(k)) throw new InvalidRequestError(`invalid header name ${JSON.stringify(k)}`);
    if (typeof v === 'string') {
      if (BAD_VALUE.test(v)) throw new InvalidRequestError(`invalid ${k} header`);
      head += `${k}: ${v}\r\n`;
    } else {
      for (const x of v) {
        if (BAD_VALUE.test(x)) throw new InvalidRequestError(`invalid ${k} header`);
        head += `${k}: ${x}\r\n`;
      }
    }
  }
  const len = r.body?.length ?? 0;
  if (len > 0 || WITH_BODY.has(r.method)) head += `content-length: ${len}\r\n`;
  return `${head}\r\n`;
}
