// roma-local as a real child process on ephemeral ports, for tests that kill -9 it mid-run and
// start it again on the same data dir. Resolves with its API URL once it says it is listening.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

export function startRomaChild(dataDir: string, password: string, children: ChildProcess[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/roma-local/standalone.ts'], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PORT: '0', ROMA_LOCAL_PASSWORD: password, ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0' },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (b: Buffer) => {
      seen += b.toString();
      const m = /roma-local listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`roma-local exited (${code}): ${seen}`)));
  });
}

type Req = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers

/** Starts an FDI task's run, waits until it has moved rows and is still RUNNING, then kill -9s roma-local. */
export async function killMidRun(req: Req, task: string, child: ChildProcess): Promise<void> {
  expect((await req('POST', `/tasks/${task}/run`)).status).toBe(204);
  for (;;) {
    const l = (await req('GET', `/tasks/${task}/monitor-logs?offset=1&limit=5`)).body.entities[0];
    if (l?.execute_status === 'RUNNING' && l.data_count > 0) break;
    expect(l?.execute_status ?? 'WAITING').not.toBe('SUCCESS'); // the run must still be going when we kill
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

/** The task's latest run once it has ended (SUCCESS, ERROR or CANCELLED). */
export async function lastRunWhenEnded(req: Req, task: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answer
  for (;;) {
    const l = (await req('GET', `/tasks/${task}/monitor-logs?offset=1&limit=5`)).body.entities[0];
    if (['SUCCESS', 'ERROR', 'CANCELLED'].includes(l?.execute_status)) return l;
    await new Promise((r) => setTimeout(r, 50));
  }
}
