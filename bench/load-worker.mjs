/* global process, performance, console, Buffer, URL */
// A closed-loop HTTP/1.1 load generator run as its own process (`node bench/load-worker.mjs '<json>'`),
// so its CPU is never counted against, nor competes on the event loop with, the server measured.
// Lean on purpose, like wrk: each connection keeps alive and writes one prebuilt request, and the
// answer is framed by reading only the status line and Content-Length (or the chunked terminator),
// so the generator takes little of the 2 shared cores. Prints one JSON LoadResult line.
// `headersFile`: a JSON array with the extra headers of each request (e.g. one signature each,
// made before the run: a signing client's cost is not the server's); its requests are built
// before the clock starts.
import fs from 'node:fs';
import net from 'node:net';

const o = JSON.parse(process.argv[2]);
const url = new URL(o.origin);
const build = (extra) => {
  const headers = { host: url.host, ...o.headers, ...extra };
  return Buffer.from(`GET ${o.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'latin1');
};
const perRequest = o.headersFile ? JSON.parse(fs.readFileSync(o.headersFile, 'utf8')).map(build) : undefined;
if (perRequest && perRequest.length < o.requests) throw new Error(`headersFile has ${perRequest.length} requests, ${o.requests} wanted`);
const single = perRequest ? undefined : build({});
const latencies = new Float64Array(o.requests);
let sent = 0;
let done = 0;
let errors = 0;
const CRLF2 = Buffer.from('\r\n\r\n');
const CHUNK_END = Buffer.from('0\r\n\r\n');

/** One keep-alive connection sending requests back to back until all are sent. */
function connection() {
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.setNoDelay(true);
    let buf = Buffer.alloc(0);
    let t0 = 0;
    let index = -1;
    const next = () => {
      if (sent >= o.requests) { closed = true; socket.end(); return resolve(); }
      index = sent++;
      t0 = performance.now();
      socket.write(single ?? perRequest[index]);
    };
    const finish = (status) => {
      latencies[index] = performance.now() - t0;
      done++;
      if (status !== 200) errors++;
      next();
    };
    socket.on('connect', next);
    socket.on('data', (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        const head = buf.indexOf(CRLF2);
        if (head < 0) return;
        const text = buf.toString('latin1', 0, head);
        const status = Number(text.slice(9, 12));
        const m = /\r\ncontent-length:\s*(\d+)/i.exec(text);
        let end;
        if (m) end = head + 4 + Number(m[1]);
        else if (/\r\ntransfer-encoding:\s*chunked/i.test(text)) {
          const z = buf.indexOf(CHUNK_END, head + 4);
          if (z < 0) return;
          end = z + CHUNK_END.length;
        } else end = head + 4;
        if (buf.length < end) return;
        buf = buf.subarray(end);
        finish(status);
      }
    });
    // a server that closes (Connection: close, a crash): the request in flight is an error; go on with a new connection
    let closed = false;
    const lost = () => {
      if (closed) return;
      closed = true;
      if (index >= 0 && latencies[index] === 0) { latencies[index] = performance.now() - t0; errors++; done++; }
      // reconnect only after a connection that worked (a refused one would spin)
      resolve(index >= 0 && sent < o.requests ? connection() : undefined);
    };
    socket.on('error', lost);
    socket.on('close', lost);
  });
}

const cpu0 = process.cpuUsage();
const started = performance.now();
await Promise.all(Array.from({ length: o.concurrency }, connection));
const seconds = (performance.now() - started) / 1000;
errors += o.requests - done; // never sent: the server refused every connection
const cpu = process.cpuUsage(cpu0);
const sorted = Array.from(latencies.subarray(0, o.requests)).filter((x) => x > 0).sort((a, b) => a - b);
const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
console.log(JSON.stringify({
  requests: done, errors, seconds, rps: done / seconds, p50: q(0.5), p99: q(0.99),
  cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, done),
}));
