// The browser build replaces a few antd modules by stand-ins that throw (vite.config.ts,
// antdUnusedParts). These checks keep that honest: each replaced import still exists in the
// installed antd (else the stand-in silently stops applying), and no console code turns on a
// feature whose code was left out (else a page would throw at render).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANTD_UNUSED_PARTS } from '../../vite.config';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('antd parts left out of the browser build', () => {
  const web = sources(path.join(root, 'src/web')).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

  for (const part of ANTD_UNUSED_PARTS) {
    it(`${part.importer} still imports ${part.source}`, () => {
      const text = fs.readFileSync(path.join(root, 'node_modules', part.importer), 'utf8');
      expect(text).toContain(`from '${part.source}'`);
    });

    it(`no console code needs ${part.source} (${part.usedBy})`, () => {
      const users = web.filter((f) => part.usedBy.test(f.text)).map((f) => path.relative(root, f.file));
      expect(users).toEqual([]);
    });
  }
});
