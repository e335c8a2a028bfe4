// Starts the console once for all specs: embedded roma-local + BFF serving dist/, on
// ephemeral ports with a temporary data folder. Specs read the URL and login from env.
// The SPA must be built first (dist/, or E2E_STATIC_DIR: see static-dir.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startConsole } from '../../src/main';
import { e2eStaticDir } from './static-dir';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const staticDir = e2eStaticDir();
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`No built SPA in ${staticDir}: run \`npx vite build\` (or set E2E_STATIC_DIR) before the e2e specs`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roma-e2e-'));
  const handle = await startConsole({
    port: 0,
    dataDir,
    staticDir,
    env: { ...process.env, ROMA_ENDPOINT: '', IAM_ENDPOINT: '', ROMA_LOCAL_PASSWORD: 'E2e-Passw0rd!', ROMA_LOCAL_MQTT_PORT: '0', ROMA_LOCAL_GATEWAY_PORT: '0' },
    logger: false,
  });
  process.env.E2E_BASE_URL = handle.url;
  process.env.E2E_USER = handle.account?.user ?? 'admin';
  process.env.E2E_PASSWORD = handle.account?.password ?? '';
  process.env.E2E_DOMAIN = handle.account?.domain ?? 'roma-local';
  process.env.E2E_PROJECT = handle.account?.project ?? 'cn-north-4';
  // host:port of roma-local's MQTT endpoint and URL of its API gateway, once those families listen
  process.env.E2E_MQTT = handle.endpoints.mqtt ?? '';
  process.env.E2E_GATEWAY = handle.endpoints.gateway ?? '';
  return async () => {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
