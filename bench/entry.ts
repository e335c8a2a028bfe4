// The first visit as index.html declares it: the module entry and its modulepreloads.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { JsTotals } from './bundle';

export function measureEntry(distDir: string): JsTotals {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const ref of refs) {
    const body = fs.readFileSync(path.join(distDir, ref.replace(/^\//, '')));
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files: refs.size, raw, gzip, names: [...refs] };
}
