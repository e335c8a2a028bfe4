// Starts the console once for all specs: embedded roma-local + BFF serving dist/, on
// ephemeral ports with a temporary data folder. Specs read the URL and login from env.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startConsole } from '../../src/main';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-e2e-'));
  const handle = await startConsole({
    port: 0,
    dataDir,
    staticDir: path.resolve(import.meta.dirname, '..', '..', 'dist'),
    env: { ...process.env, ROMA_ENDPOINT: '', IAM_ENDPOINT: '', ROMA_LOCAL_PASSWORD: 'E2e-Passw0rd!' },
    logger: false,
  });
  process.env.E2E_BASE_URL = handle.url;
  process.env.E2E_USER = handle.account?.user ?? 'admin';
  process.env.E2E_PASSWORD = handle.account?.password ?? '';
  process.env.E2E_DOMAIN = handle.account?.domain ?? 'roma-local';
  process.env.E2E_PROJECT = handle.account?.project ?? 'cn-north-4';
  return async () => {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
