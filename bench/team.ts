// Team bench: 200 scripted operator sessions (list, detail, create, delete, mixed) through two
// BFF replicas sharing sessions in Redis, behind one round-robin address; the same load on one
// replica with Redis (the store's own cost) and on one replica with the in-memory store (the
// baseline) — measured in the same run, in rotating rounds so all see the same machine. Figures, not assertions: p50/p99 per setup (medians over rounds),
// the latency Redis adds, and each replica's memory (RSS) over time.
//   BENCH_TEAM_SECONDS (default 300: five minutes per setup), BENCH_TEAM_OPERATORS (200),
//   BENCH_TEAM_ROUND_SECONDS (30), BENCH_TEAM_THINK_MS (mean think time between an operator's actions, 2000),
//   BENCH_TEAM_WARMUP_SECONDS (10, per setup, not counted).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Pool } from 'undici';
import { median } from './load';
import { spawnServer } from './spawn';

const root = path.resolve(import.meta.dirname, '..');
const num = (name: string, dflt: number): number => (process.env[name] ? Number(process.env[name]) : dflt);
const KINDS = ['list', 'detail', 'create', 'delete'] as const;
type Kind = (typeof KINDS)[number];

/** A tsx script as a child process, quiet (LOG_LEVEL warn) unless `env` says otherwise. */
const startScript = (children: ChildProcess[], script: string, env: Record<string, string>, ready: RegExp) =>
  spawnServer(children, root, ['--import', 'tsx', script], { LOG_LEVEL: 'warn', ...env }, ready);

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** One address in front of several replicas: each request goes to the next one (round robin). */
class Balancer {
  private i = 0;
  private readonly pools: Pool[];
  constructor(urls: string[], connections: number) {
    this.pools = urls.map((u) => new Pool(u, { connections, pipelining: 1 }));
  }
  async send(method: string, p: string, headers: Record<string, string>, body?: unknown) {
    const pool = this.pools[this.i++ % this.pools.length]!;
    const res = await pool.request({
      method: method as 'GET',
      path: p,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text };
  }
  close = () => Promise.all(this.pools.map((p) => p.close()));
}

interface Operator {
  cookie: string;
  created: string[];
}

async function loginAll(lb: Balancer, n: number, creds: object): Promise<Operator[]> {
  const ops: Operator[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async () => {
        const r = await lb.send('POST', '/bff/login', { 'x-csrf': '1' }, creds);
        const sc = r.headers['set-cookie'];
        const c = (Array.isArray(sc) ? sc[0] : sc)?.split(';')[0];
        if (r.status !== 200 || !c) throw new Error(`bench login failed: ${r.status} ${r.text}`);
        return { cookie: c, created: [] };
      }),
    );
    ops.push(...batch);
  }
  return ops;
}

/** Runs every operator's script for `seconds`; returns latencies per kind. */
async function round(lb: Balancer, ops: Operator[], base: string, seconds: number, thinkMs: number) {
  const lat: Record<Kind, number[]> = { list: [], detail: [], create: [], delete: [] };
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  let seq = 0;
  const act = async (op: Operator): Promise<void> => {
    const h = { 'x-csrf': '1', cookie: op.cookie };
    const r = Math.random();
    let kind: Kind = r < 0.5 ? 'list' : r < 0.8 ? 'detail' : r < 0.9 ? 'create' : 'delete';
    if (kind === 'delete' && op.created.length === 0) kind = 'create';
    if (kind === 'create' && op.created.length >= 3) kind = 'delete';
    const t0 = performance.now();
    let res;
    if (kind === 'list') res = await lb.send('GET', `${base}/apps?offset=0&limit=20`, h);
    else if (kind === 'detail') res = await lb.send('GET', op.created[0] ? `${base}/apps/${op.created[0]}` : `${base}/apps?offset=0&limit=1`, h);
    else if (kind === 'create') res = await lb.send('POST', `${base}/apps`, h, { name: `bench_${process.pid}_${seq++}_${randomBytes(3).toString('hex')}` });
    else res = await lb.send('DELETE', `${base}/apps/${op.created.shift()}`, h);
    lat[kind].push(performance.now() - t0);
    if (res.status >= 300) errors++;
    else if (kind === 'create') op.created.push((JSON.parse(res.text) as { id: string }).id);
  };
  await Promise.all(
    ops.map(async (op) => {
      await new Promise((r) => setTimeout(r, Math.random() * thinkMs)); // spread the starts
      while (performance.now() < end) {
        await act(op).catch(() => errors++);
        await new Promise((r) => setTimeout(r, Math.random() * 2 * thinkMs));
      }
    }),
  );
  return { lat, errors };
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

export async function runTeamBench(): Promise<void> {
  const seconds = num('BENCH_TEAM_SECONDS', 300);
  const operators = num('BENCH_TEAM_OPERATORS', 200);
  const roundSeconds = Math.min(num('BENCH_TEAM_ROUND_SECONDS', 30), seconds);
  const thinkMs = num('BENCH_TEAM_THINK_MS', 2000);
  const warmup = num('BENCH_TEAM_WARMUP_SECONDS', 10);
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const children: ChildProcess[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-bench-team-'));
  const password = 'Bench-Passw0rd!';
  const samples: Array<{ t: number; rss: number[] }> = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const roma = await startScript(children, 'src/roma-local/standalone.ts', {
      ROMA_LOCAL_PORT: '0', ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0', ROMA_DATA_DIR: path.join(tmp, 'roma'), ROMA_LOCAL_PASSWORD: password,
    }, /roma-local listening on (http:\/\/\S+)/);
    const common = { PORT: '0', ROMA_ENDPOINT: roma.url, IAM_ENDPOINT: roma.url, SESSION_IDLE_TIMEOUT_MS: String(3_600_000) };
    const redisEnv = {
      ...common, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench:${process.pid}:`, SESSION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const ready = /BFF listening on (http:\/\/\S+)/;
    const a = await startScript(children, 'scripts/bff.ts', { ...redisEnv, AUDIT_DIR: path.join(tmp, 'a') }, ready);
    const b = await startScript(children, 'scripts/bff.ts', { ...redisEnv, AUDIT_DIR: path.join(tmp, 'b') }, ready);
    const m = await startScript(children, 'scripts/bff.ts', { ...common, AUDIT_DIR: path.join(tmp, 'm') }, ready);
    const r1 = await startScript(children, 'scripts/bff.ts', { ...redisEnv, AUDIT_DIR: path.join(tmp, 'r1') }, ready);
    const creds = { username: 'admin', password, domain: 'roma-local', project: 'cn-north-4' };
    const setups = [
      { name: '2 replicas + Redis (round robin)', lb: new Balancer([a.url, b.url], Math.ceil(operators / 2)), ops: [] as Operator[] },
      { name: '1 replica + Redis', lb: new Balancer([r1.url], operators), ops: [] as Operator[] },
      { name: '1 replica, memory store (baseline)', lb: new Balancer([m.url], operators), ops: [] as Operator[] },
    ];
    const pids = [a.pid, b.pid, r1.pid, m.pid];

    const started = performance.now();
    const sample = () => samples.push({ t: (performance.now() - started) / 1000, rss: pids.map(rssMb) });
    sample();
    sampler = setInterval(sample, 5_000);
    for (const s of setups) s.ops = await loginAll(s.lb, operators, creds);
    const first = setups[0]!;
    const who = await first.lb.send('GET', '/bff/session', { 'x-csrf': '1', cookie: first.ops[0]!.cookie });
    const projectId = (JSON.parse(who.text) as { project_id: string }).project_id;
    const inst = await first.lb.send('GET', `/api/v2/${projectId}/instances`, { 'x-csrf': '1', cookie: first.ops[0]!.cookie });
    const instanceId = (JSON.parse(inst.text) as { instances: Array<{ id: string }> }).instances[0]!.id;
    const base = `/api/v2/${projectId}/instances/${instanceId}`;

    console.log(`\n## Team: ${operators} operator sessions, ${seconds} s per setup in ${roundSeconds} s rounds (rotating order), think time ~${thinkMs} ms`);
    // Warm-up (JIT, lazily loaded modules, first SQLite/Redis writes), not counted.
    for (const s of setups) await round(s.lb, s.ops, base, warmup, thinkMs);
    type Round = Awaited<ReturnType<typeof round>>;
    const rounds: Round[][] = setups.map(() => []);
    for (let done = 0, i = 0; done < seconds; done += roundSeconds, i++) {
      // Rotate which setup goes first, so none always follows another's leftovers.
      for (let j = 0; j < setups.length; j++) {
        const k = (i + j) % setups.length;
        rounds[k]!.push(await round(setups[k]!.lb, setups[k]!.ops, base, roundSeconds, thinkMs));
      }
    }
    clearInterval(sampler);
    sample();

    const fig = (rs: Round[], kind: Kind | 'all', p: number): number =>
      median(rs.map((r) => pct(kind === 'all' ? KINDS.flatMap((k) => r.lat[k]) : r.lat[kind], p)));
    const count = (rs: Round[]): number => rs.reduce((n, r) => n + KINDS.reduce((m2, k) => m2 + r.lat[k].length, 0), 0);
    const errs = (rs: Round[]): number => rs.reduce((n, r) => n + r.errors, 0);
    console.log('setup                                kind     p50 ms   p99 ms');
    for (const kind of ['all', ...KINDS] as const) {
      for (const [i, s] of setups.entries()) {
        console.log(`${s.name.padEnd(36)} ${kind.padEnd(7)} ${fig(rounds[i]!, kind, 0.5).toFixed(2).padStart(7)}  ${fig(rounds[i]!, kind, 0.99).toFixed(2).padStart(7)}`);
      }
    }
    const baseRounds = rounds[2]!;
    for (const i of [0, 1]) {
      const added50 = fig(rounds[i]!, 'all', 0.5) - fig(baseRounds, 'all', 0.5);
      const added99 = fig(rounds[i]!, 'all', 0.99) - fig(baseRounds, 'all', 0.99);
      console.log(`${setups[i]!.name} vs baseline: p50 ${added50 >= 0 ? '+' : ''}${added50.toFixed(2)} ms, p99 ${added99 >= 0 ? '+' : ''}${added99.toFixed(2)} ms (target p99 added ≤ 5 ms: ${added99 <= 5 ? 'met' : 'NOT met'})`);
    }
    console.log(`requests (errors): ${setups.map((s, i) => `${s.name} ${count(rounds[i]!)} (${errs(rounds[i]!)})`).join('; ')}; medians over ${rounds[0]!.length} rounds each`);
    console.log('memory (RSS MB) over time:  t s   replica A  replica B  1+Redis  memory-store');
    const every = Math.max(1, Math.floor(samples.length / 12));
    for (const [i, s] of samples.entries()) {
      if (i % every === 0 || i === samples.length - 1) console.log(`${s.t.toFixed(0).padStart(30)}  ${s.rss.map((r) => r.toFixed(1).padStart(9)).join('  ')}`);
    }
    await Promise.all(setups.map((s) => s.lb.close()));
    console.log(`(roma-local, four BFF processes, Redis and this load generator share ${os.cpus().length} cores; node ${process.version})`);
  } finally {
    clearInterval(sampler);
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runTeamBench().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
