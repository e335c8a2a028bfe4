import { spawn, execFileSync } from 'node:child_process';
import { startApic } from './tests/support/apic';
async function main() {
  const be = spawn(process.execPath, ['-e', `const http=require('http');const body=JSON.stringify({ok:true,items:[1,2,3],text:'x'.repeat(200)});
http.createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json','content-length':Buffer.byteLength(body)});s.end(body)})}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((r) => be.stdout!.once('data', (c) => r(String(c).trim())));
  const t = await startApic();
  const g = await t.group('prof');
  const a = await t.createApi({ name: 'prof_http', type: 1, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/data', auth_type: 'NONE', backend_type: 'HTTP', group_id: g.id,
    backend_api: { url_domain: `127.0.0.1:${port}`, req_protocol: 'HTTP', req_method: 'GET', req_uri: '/data', timeout: 5000 } });
  await t.publish(a.id);
  const run = (path: string, host: string, n: number) => {
    const c0 = process.cpuUsage();
    const out = JSON.parse(execFileSync(process.execPath, ['bench/load-worker.mjs', JSON.stringify({ origin: t.gatewayUrl, path, headers: { host }, requests: n, concurrency: 16 })]).toString());
    const c = process.cpuUsage(c0);
    console.log(path, 'gateway CPU µs/request', ((c.user + c.system) / n).toFixed(0), 'rps', out.rps.toFixed(0), 'errors', out.errors);
  };
  // execFileSync blocks this event loop: use async instead
  const runA = async (path: string, host: string, n: number) => {
    const { execFile } = await import('node:child_process');
    const c0 = process.cpuUsage();
    const out = await new Promise<any>((res, rej) => execFile(process.execPath, ['bench/load-worker.mjs', JSON.stringify({ origin: t.gatewayUrl, path, headers: { host }, requests: n, concurrency: 16 })], (e, so) => (e ? rej(e) : res(JSON.parse(so)))));
    const c = process.cpuUsage(c0);
    console.log(path, 'gateway CPU µs/request', ((c.user + c.system) / n).toFixed(0), 'rps', out.rps.toFixed(0), 'errors', out.errors, 'loadgen µs', out.cpuUsPerRequest.toFixed(0));
  };
  void run;
  await runA('/data', g.sl_domain, 1000);
  await runA('/data', g.sl_domain, 5000);
  await runA('/demo/hello', 'demo.apic.localhost', 5000);
  await t.close(); be.kill();
  process.exit(0);
}
void main();
