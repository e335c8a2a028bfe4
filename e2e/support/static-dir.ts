// Which built SPA the e2e consoles serve: dist/ by default. E2E_STATIC_DIR points at a private
// build (e.g. `npx vite build --outDir /tmp/roma-e2e-dist`) so a rebuild of dist/ during a run
// cannot replace the lazy chunks a page is about to load.
import path from 'node:path';

export function e2eStaticDir(): string {
  const fromEnv = process.env.E2E_STATIC_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.resolve(import.meta.dirname, '..', '..', 'dist');
}
