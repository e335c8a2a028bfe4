// roma-local as a real child process on ephemeral ports, for tests that kill -9 it mid-run and
// start it again on the same data dir. Resolves with its API URL once it says it is listening.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

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
