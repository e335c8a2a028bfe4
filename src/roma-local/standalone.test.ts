// `npm run roma-local` as a process: prints endpoint and account, serves, exits cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signRequest } from './auth/sdk-signer';
import { call, login, tempDir } from './test-helpers';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('standalone', () => {
  it('prints the endpoint and generated password, serves tokens, exits 0 on SIGTERM', async () => {
    const dataDir = tempDir();
    const env = { ...process.env, ROMA_LOCAL_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0', ROMA_DATA_DIR: dataDir, ROMA_LOCAL_PASSWORD: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'standalone.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 200 && !/password:/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      expect(url, out).toBeTruthy();
      const password = fs.readFileSync(path.join(dataDir, 'initial-password'), 'utf8').trim();
      expect(out).toContain(password); // shown once, at the start that generated it
      expect(out).toContain('initial-password');
      await login(url as string, { password });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('with ROMA_LOCAL_ACCESS_KEY/SECRET_KEY prints how to point an SDK (never the SK) and accepts signed calls', async () => {
    const env = {
      ...process.env, ROMA_LOCAL_PORT: '0', ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0', ROMA_DATA_DIR: tempDir(),
      ROMA_LOCAL_PASSWORD: 'Standalone-Pass-1', ROMA_LOCAL_ACCESS_KEY: 'STANDALONEAK01', ROMA_LOCAL_SECRET_KEY: 'standalone-sk-value',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'standalone.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 200 && !/access key:/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] as string;
      const pid = /project_id: ([0-9a-f]{32})/.exec(out)?.[1] as string;
      expect(url && pid, out).toBeTruthy();
      expect(out).toContain('STANDALONEAK01');
      expect(out).not.toContain('standalone-sk-value');
      const headers = signRequest({ method: 'GET', url: `${url}/v2/${pid}/instances`, ak: 'STANDALONEAK01', sk: 'standalone-sk-value' });
      expect((await call(url, 'GET', `/v2/${pid}/instances`, { headers })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
