// `npm start`: build the SPA when dist/ is missing or older than the sources, then start the
// console (BFF + embedded roma-local unless ROMA_ENDPOINT/IAM_ENDPOINT are set).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startConsole } from '../src/main';
import { initialPasswordPath } from '../src/roma-local/iam/account';
import { closeOnSignal, runMain } from './process';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, entry)));
  return max;
}

function buildIfNeeded(): void {
  const built = path.join(root, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'src', 'web')),
    newestMtime(path.join(root, 'src', 'contract')),
    newestMtime(path.join(root, 'index.html')),
    newestMtime(path.join(root, 'vite.config.ts')),
    newestMtime(path.join(root, 'public')),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('Building the console (vite build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

async function main(): Promise<void> {
  buildIfNeeded();
  const dataDir = path.resolve(process.env.ROMA_DATA_DIR ?? '.roma-data');
  const level = process.env.LOG_LEVEL?.trim();
  const handle = await startConsole({ dataDir, logger: level ? { level } : false });
  console.log('');
  console.log(`ROMA Console is running at ${handle.url}`);
  if (handle.embedded && handle.account) {
    const a = handle.account;
    console.log(`Embedded ROMA Connect (roma-local) at ${handle.romaLocalUrl}`);
    console.log(`Log in with  domain: ${a.domain}  user: ${a.user}  project: ${a.project}`);
    if (handle.endpoints.gateway) console.log(`API gateway (APIC) at ${handle.endpoints.gateway} — try: curl -H 'Host: demo.apic.localhost' ${handle.endpoints.gateway}/demo/hello`);
    if (a.passwordGenerated) console.log(`             password: ${a.password}   (generated now, shown once; kept in ${initialPasswordPath(dataDir)})`);
    else if (process.env.ROMA_LOCAL_PASSWORD) console.log('             password: the value of ROMA_LOCAL_PASSWORD');
    else console.log(`             password: in ${initialPasswordPath(dataDir)} (generated at first start)`);
  } else {
    console.log(`Upstream: ${handle.upstream.roma} (IAM ${handle.upstream.iam})`);
  }
  closeOnSignal(() => handle.close());
}

runMain(main);
