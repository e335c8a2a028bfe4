import fs from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const bff = `http://127.0.0.1:${process.env.BFF_PORT ?? 8080}`;

/**
 * zod's classic schemas carry a `toJSONSchema()` method, so its JSON Schema generator (~5 KB gzip)
 * is in every page although the console never calls it. In the browser build, the two modules it
 * comes from are replaced by stand-ins with the same exports that throw if ever used. The export
 * names are read from the real files, so a zod upgrade cannot leave one missing.
 */
function zodWithoutJsonSchema(): Plugin {
  const files: Record<string, string> = {
    '../core/json-schema-processors.js': '\0zod-json-schema-processors',
    '../core/to-json-schema.js': '\0zod-to-json-schema',
  };
  const real = new Map<string, string>();
  return {
    name: 'zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !/[\\/]zod[\\/]v4[\\/]classic[\\/]schemas\.js$/.test(importer) || !(source in files)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved) return null;
      real.set(files[source]!, resolved.id);
      return files[source];
    },
    load(id) {
      const path = real.get(id);
      if (!path) return null;
      const names = new Set<string>();
      const src = fs.readFileSync(path, 'utf8');
      for (const m of src.matchAll(/^export (?:const|function|let|class) (\w+)/gm)) names.add(m[1]!);
      for (const m of src.matchAll(/^export \{([^}]*)\}/gm)) for (const part of m[1]!.split(',')) names.add(part.trim().split(/\s+as\s+/).pop()!);
      names.delete('');
      const lines = ['const unavailable = () => { throw new Error("JSON Schema generation is not part of the console build"); };'];
      // create*Method factories run when a schema's `~standard` is read; they must only hand back the thrower
      for (const n of names) lines.push(`export const ${n} = ${/^create\w*Method$/.test(n) ? '() => unavailable' : 'unavailable'};`);
      return lines.join('\n');
    },
  };
}

/** src/contract/**, src/web/api/** and feature hook modules (hooks.ts, hooks/*.ts). */
const DECLARATION_MODULES = /[\\/]src[\\/](contract|web[\\/]api)[\\/]|[\\/]src[\\/]web[\\/]features[\\/].*[\\/]hooks(\.ts$|[\\/])/;

// The entry holds only the bootstrap (react, react-dom, router, query client, i18n);
// antd, icons, the login page, the shell and every page are lazy chunks.
export default defineConfig({
  plugins: [react(), zodWithoutJsonSchema()],
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // @rc-component/* (antd's internals) are plain ES modules but do not declare
      // `sideEffects: false`, so unused modules of theirs would be kept. Declare it for them.
      treeshake: {
        // Our contract, API and hook modules only declare schemas and functions: a page that uses
        // none of a module's exports (the devices page and the LINK groups API, say) leaves it out.
        moduleSideEffects: (id: string) =>
          !/node_modules[\\/]@rc-component[\\/]/.test(id) && !DECLARATION_MODULES.test(id),
        // Contract schemas are built by top-level zod calls (`z.object(…).strict()`), which the
        // bundler must otherwise keep as possible side effects: every schema of a family file
        // would ride along with the one a page uses. Nothing here calls zod for its side effects.
        // The API modules' factories (src/web/api/factories.ts, keys.ts) only build functions and keys.
        manualPureFunctions: ['z', 'listQueryFactory', 'detailQueryFactory', 'itemCrudFactory', 'scopedKeys', 'queryOptions'],
      },
      output: {
        codeSplitting: {
          groups: [
            // One stable vendor chunk for the bootstrap libraries (cached across releases).
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|cookie|set-cookie-parser)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: bff, changeOrigin: false },
      '/bff': { target: bff, changeOrigin: false },
      '/healthz': { target: bff, changeOrigin: false },
    },
  },
});
