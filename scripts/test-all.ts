// `npm test`: every test — vitest (unit + integration) then Playwright e2e in Chromium —
// and one closing line "N passed, M failed[, K skipped]" that adds them all up.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-results');
fs.mkdirSync(out, { recursive: true });
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

interface Counts { passed: number; failed: number; skipped: number }
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// 1. vitest
const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestCode = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson) as
  | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
  | undefined;
if (v) {
  total.passed += v.numPassedTests;
  total.failed += v.numFailedTests;
  total.skipped += v.numPendingTests + v.numTodoTests;
}
if (vitestCode !== 0 && (!v || v.numFailedTests === 0)) runnerFailed = true; // e.g. a suite failed to load

// 2. Playwright e2e: needs Chromium and a built SPA
const chromium = ensureChromium();
if (!chromium.ok) {
  console.error(chromium.message);
  runnerFailed = true;
} else {
  if (!fs.existsSync(path.join(root, 'dist', 'index.html')) || process.env.E2E_REBUILD !== '0') {
    if (run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']) !== 0) {
      runnerFailed = true;
    }
  }
  const e2eJson = path.join(out, 'e2e.json');
  fs.rmSync(e2eJson, { force: true });
  const pwCode = run(bin('playwright'), ['test'], {
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    CHROMIUM_PATH: chromium.path,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  const p = readJson(e2eJson) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
  if (p?.stats) {
    total.passed += p.stats.expected + p.stats.flaky;
    total.failed += p.stats.unexpected;
    total.skipped += p.stats.skipped;
  }
  if (pwCode !== 0 && (!p?.stats || p.stats.unexpected === 0)) runnerFailed = true;
}

if (runnerFailed) console.error('A test runner failed outside of its tests (see above).');
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || runnerFailed ? 1 : 0);
