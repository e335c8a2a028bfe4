// The gateway's own HTTP/1.1 front server under the real pipeline: a chunked request body and
// pipelined requests reach an HTTP backend intact and in order, with the client's address in
// X-Forwarded-For; a mock whose header would inject a line answers 502 in the gateway shape
// instead (node:http threw there); a HEAD keeps its length; Date is sent as node:http sent it.
import net from 'node:net';
import { expect, it } from 'vitest';
import { mockApi } from '../support/apic';
import { startApicForFile, type Apic } from '../support/apic-gateway';

let t: Apic;
const { httpBackend } = startApicForFile((started) => { t = started; });

/** Writes `text` on one connection and reads until `n` answers' heads and bodies (Content-Length or chunked) came. */
function raw(text: string, n: number) {
  return new Promise<{ status: number; head: string; body: string }[]>((resolve, reject) => {
    const u = new URL(t.gatewayUrl);
    const sock = net.connect(Number(u.port), u.hostname, () => sock.write(text));
    let buf = '';
    const out: { status: number; head: string; body: string }[] = [];
    sock.on('data', (c: Buffer) => {
      buf += c.toString('latin1');
      for (let end = buf.indexOf('\r\n\r\n'); end >= 0; end = buf.indexOf('\r\n\r\n')) {
        const head = buf.slice(0, end);
        let at = end + 4;
        let body = '';
        if (/\r\ntransfer-encoding: chunked/i.test(head)) {
          for (let size = -1; size !== 0;) {
            const lf = buf.indexOf('\r\n', at);
            size = lf < 0 ? NaN : parseInt(buf.slice(at, lf), 16);
            if (Number.isNaN(size) || buf.length < lf + 4 + size) return;
            body += buf.slice(lf + 2, lf + 2 + size);
            at = lf + 4 + size;
          }
        } else {
          const len = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
          if (buf.length < at + len) break;
          body = buf.slice(at, at + len);
          at += len;
        }
        out.push({ status: Number(head.slice(9, 12)), head, body });
        buf = buf.slice(at);
      }
      if (out.length >= n) { sock.destroy(); resolve(out); }
    });
    sock.on('error', reject);
    sock.on('close', () => resolve(out));
  });
}

it('a chunked body and pipelined requests reach the backend intact and in order', async () => {
  const b = await httpBackend((_req, res, seen) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${seen.method} ${seen.url} ${seen.body} ${seen.headers['x-forwarded-for']}`);
  });
  const g = await t.group('front-pipe');
  const api = await t.createApi(mockApi(g.id, {
    req_method: 'ANY', req_uri: '/p', match_mode: 'SWA', backend_type: 'HTTP', mock_info: undefined,
    backend_api: { url_domain: b.host, req_protocol: 'HTTP', req_method: 'ANY', req_uri: '/b', timeout: 2000 },
  }));
  await t.publish(api.id);
  const host = `Host: ${g.sl_domain}\r\n`;
  const rs = await raw(`POST /p/1 HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n`
    + `GET /p/2 HTTP/1.1\r\n${host}\r\nPUT /p/3 HTTP/1.1\r\n${host}Content-Length: 2\r\n\r\nxy`, 3);
  expect(rs.map((r) => [r.status, r.body])).toEqual([
    [200, 'POST /b/1 abcde 127.0.0.1'], [200, 'GET /b/2  127.0.0.1'], [200, 'PUT /b/3 xy 127.0.0.1'],
  ]);
  expect(rs[0]!.head).toMatch(/\r\ndate: .+ GMT\r\n/i); // the backend's (one Date only)
  expect(rs[0]!.head.match(/\r\ndate:/gi)).toHaveLength(1);
  expect(rs[0]!.head).toMatch(/\r\nConnection: keep-alive\r\n/);
});

it('a mock header that would inject a line is a 502 in the gateway shape; the same API answers HEAD with its length', async () => {
  const g = await t.group('front-inject');
  const evil = await t.createApi(mockApi(g.id, { req_uri: '/evil', mock_info: { result_content: 'ok', header: [{ key: 'X-Evil', value: 'a\r\nX-Injected: 1' }] } }));
  const fine = await t.createApi(mockApi(g.id, { req_uri: '/fine', req_method: 'HEAD', mock_info: { result_content: 'hello' } }));
  await t.publish(evil.id);
  await t.publish(fine.id);
  const [r] = await raw(`GET /evil HTTP/1.1\r\nHost: ${g.sl_domain}\r\n\r\n`, 1);
  expect(r!.status).toBe(502);
  expect(r!.head).not.toMatch(/injected/i);
  const id = /\r\nx-request-id: ([0-9a-f]{32})/i.exec(r!.head)?.[1];
  expect(JSON.parse(r!.body)).toMatchObject({ error_code: 'APIG.0201', request_id: id });
  const head = await t.gw('HEAD', '/fine', { host: g.sl_domain });
  expect([head.status, head.headers['content-length'], head.text]).toEqual([200, '5', '']);
});
