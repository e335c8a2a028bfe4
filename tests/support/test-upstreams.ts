// Tiny upstreams of our own for fault tests (roma-local itself is never mocked):
// an echo server that records what reached it, one that never answers, and a closed port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TestUpstream {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: http.Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/**
 * Records each request and answers it with a JSON echo, plus response headers the BFF must drop
 * (Set-Cookie, X-Subject-Token, a CSP override, CORS) and the ones it must pass.
 */
export async function startEchoUpstream(): Promise<TestUpstream> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(rec);
      const status = /[?&]status=(\d{3})/.exec(rec.url)?.[1];
      res.writeHead(status ? Number(status) : 200, {
        'content-type': 'application/json',
        'x-request-id': 'echo-upstream-rid',
        'retry-after': '7',
        'content-disposition': 'attachment; filename="echo.json"',
        'set-cookie': 'upstream=1; Path=/',
        'x-subject-token': 'upstream-secret-token',
        'content-security-policy': 'default-src *',
        'access-control-allow-origin': '*',
        'x-powered-by': 'echo',
      });
      res.end(JSON.stringify({ method: rec.method, url: rec.url, headers: rec.headers, body: rec.body }));
    });
  });
  return { url: await listen(server), requests, close: closer(server) };
}

/** Accepts connections and reads requests, but never answers. */
export async function startHangingUpstream(): Promise<TestUpstream> {
  const requests: Recorded[] = [];
  const server = http.createServer((req) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' });
    req.resume();
  });
  return { url: await listen(server), requests, close: closer(server) };
}

/** A loopback URL where nothing listens (a port that was just released). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  const url = await listen(server);
  await closer(server)();
  return url;
}
