// Response heads for the gateway's front server: the status line, the result's headers
// (validated: a name or value from a backend, a mock or a plugin that could break the head —
// CR, LF, control characters — makes the head unwritable rather than injecting lines), a cached
// Date, and the server's own Connection / framing lines. Also whole error answers for requests
// that never reach the pipeline (malformed, too large, too slow).
import { STATUS_CODES } from 'node:http';
import { gatewayErrorBody, requestId, type GatewayError } from './errors';
import { BAD_VALUE, TOKEN } from './http1-syntax';

type Value = string | string[] | number | undefined;

/** How a result header is written: as it is, left out (framing and connection are the server's), or as the Date. */
const WRITE = 0;
const SKIP = 1;
const DATE = 2;
const OWN = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'trailer']);
/** Result header names seen before, validated. */
const NAMES = new Map<string, number>();
function nameKind(k: string): number | undefined {
  if (!TOKEN.test(k)) return undefined;
  const lower = k.toLowerCase();
  const kind = OWN.has(lower) ? SKIP : lower === 'date' ? DATE : WRITE;
  if (NAMES.size < 1000) NAMES.set(k, kind);
  return kind;
}

const STATUS_LINES = new Map<number, string>();
function statusLine(status: number): string | undefined {
  let l = STATUS_LINES.get(status);
  if (l === undefined) {
    if (!Number.isInteger(status) || status < 100 || status > 999) return undefined;
    l = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}\r\n`;
    STATUS_LINES.set(status, l);
  }
  return l;
}

/** The Date header's value, computed at most once a second (as node:http does). */
let date: string | undefined;
const clearDate = (): void => { date = undefined; };
export function utcDate(): string {
  if (date === undefined) {
    const now = new Date();
    date = now.toUTCString();
    setTimeout(clearDate, 1000 - now.getMilliseconds()).unref();
  }
  return date;
}

export const CLOSE = 'Connection: close\r\n';
export const CHUNKED = 'Transfer-Encoding: chunked\r\n';
export const keepAliveLines = (ms: number): string => `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.max(1, Math.floor(ms / 1000))}\r\n`;

/**
 * The head (latin1, ending in the blank line), or undefined when the status or a header cannot be
 * written as it is. `connection` and `framing` are the server's own lines.
 */
export function responseHead(status: number, headers: Record<string, Value>, connection: string, framing: string): string | undefined {
  let h = statusLine(status);
  if (h === undefined) return undefined;
  let withDate = true;
  for (const k in headers) {
    const v = headers[k];
    let kind = NAMES.get(k);
    if (kind === undefined && (kind = nameKind(k)) === undefined) return undefined;
    if (kind !== WRITE) {
      if (kind === SKIP) continue;
      withDate = false;
    }
    if (typeof v === 'string') {
      if (BAD_VALUE.test(v)) return undefined;
      h += `${k}: ${v}\r\n`;
    } else if (Array.isArray(v)) {
      for (const x of v) {
        const s = String(x);
        if (BAD_VALUE.test(s)) return undefined;
        h += `${k}: ${s}\r\n`;
      }
    } else if (v !== undefined && v !== null) {
      const s = String(v);
      if (BAD_VALUE.test(s)) return undefined;
      h += `${k}: ${s}\r\n`;
    }
  }
  if (withDate) h += `Date: ${utcDate()}\r\n`;
  return `${h}${connection}${framing}\r\n`;
}

/** A whole error answer in the gateway shape, closing the connection (the request was never served). */
export function errorAnswer(e: GatewayError): string {
  const id = requestId();
  const body = JSON.stringify(gatewayErrorBody(e, id));
  return `${statusLine(e.status)!}Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
    + `X-Request-Id: ${id}\r\nDate: ${utcDate()}\r\n${CLOSE}\r\n${body}`;
}

/** A buffered answer's bytes in one buffer (one write, one syscall). */
export function joinHead(head: string, body: Buffer): Buffer {
  const n = head.length; // latin1: a byte a character (responseHead wrote nothing beyond \xff)
  const out = Buffer.allocUnsafe(n + body.length);
  out.write(head, 0, n, 'latin1');
  body.copy(out, n);
  return out;
}
