// Small HTTP client for BFF tests. undici's request() is used instead of fetch because tests
// need to set Host/Origin/Cookie freely and read every Set-Cookie header.
import net from 'node:net';
import { getGlobalDispatcher, type Dispatcher } from 'undici';

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Session cookie value or full Cookie header. */
  cookie?: string;
  /** Adds X-CSRF: 1 unless false. */
  csrf?: boolean;
  /** Objects are sent as JSON; strings/Buffers as-is. */
  body?: unknown;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
  setCookies: string[];
}

export async function call(baseUrl: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(opts.csrf === false ? {} : { 'x-csrf': '1' }), ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie.includes('=') ? opts.cookie : `roma_sid=${opts.cookie}`;
  let body: string | Buffer | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string' || Buffer.isBuffer(opts.body)) body = opts.body;
    else {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  // The path goes out byte for byte (no URL normalisation), so traversal attempts reach the server.
  const res = await getGlobalDispatcher().request({
    origin: baseUrl,
    path,
    method: (opts.method ?? 'GET') as Dispatcher.HttpMethod,
    headers,
    body,
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const sc = res.headers['set-cookie'];
  return {
    status: res.statusCode,
    headers: res.headers,
    text,
    json,
    setCookies: sc === undefined ? [] : Array.isArray(sc) ? sc : [sc],
  };
}

/** The value of roma_sid in Set-Cookie headers ('' when cleared, undefined when not set). */
export function sessionCookieValue(setCookies: string[]): string | undefined {
  for (const c of setCookies) {
    const m = /^roma_sid=([^;]*)/.exec(c);
    if (m) return m[1];
  }
  return undefined;
}

/** Sends a raw HTTP/1.1 request text and returns the status code (for bytes no client would send). */
export async function rawStatus(baseUrl: string, requestText: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(requestText));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (data += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      resolve({ status: m ? Number(m[1]) : 0, text: data });
    });
  });
}
