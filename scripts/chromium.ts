// Find Chromium for Playwright (it cannot download its own browser here). Debian's package
// is installed when missing and we are root with apt; otherwise say exactly what to run.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => Boolean(p),
);

export function findChromium(): string | undefined {
  return CANDIDATES.find((p) => fs.existsSync(p));
}

export function ensureChromium(): { ok: true; path: string } | { ok: false; message: string } {
  const found = findChromium();
  if (found) return { ok: true, path: found };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('Chromium not found: installing Debian\'s chromium package (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const now = findChromium();
    if (now) return { ok: true, path: now };
  }
  return {
    ok: false,
    message:
      'No Chromium for the e2e tests. Install one and run again:\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
      '  elsewhere:      npx playwright install chromium\n' +
      'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  };
}
