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

/**
 * Parts of antd that a module imports unconditionally but only renders for a feature the console
 * never turns on. Each is replaced, for that one importer only, by a stand-in that throws if it is
 * ever rendered, so turning the feature on fails loudly instead of silently doing nothing.
 * - ConfigProvider's tooltip `UniqueProvider` (rendered only with `tooltip.unique`): the
 *   popup-positioning code behind it (~7 KB gzip) would otherwise be on the login page.
 * - Table's column-filter dropdown (rendered only for columns with `filters`/`filterDropdown`;
 *   list filters live in the URL-driven filter bar): it brings antd Tree, Menu and Radio
 *   (~15 KB gzip) to every list page. `flattenKeys` keeps its real body (Table calls it).
 * - Table's radio row selection (rendered only with `rowSelection.type: 'radio'`; the list kit
 *   selects with checkboxes): antd Radio brings the Form hooks along (~11 KB gzip).
 * - Table's virtual scrolling (only with the `virtual` prop; pages are server-paged).
 * - `Input.OTP` (a one-time-code input the console has no use for), which antd's `Input` carries
 *   to every page with a search box.
 */
const unavailable = (what: string) =>
  `export default function Unavailable() { throw new Error(${JSON.stringify(`${what} is not part of the console build (vite.config.ts, antdUnusedParts)`)}); }`;

/** `importer` (a file under node_modules), the `source` it imports, the stand-in, and `usedBy`: how
 * console code would turn the feature on (tests/build/antd-unused-parts.test.ts checks none does). */
export const ANTD_UNUSED_PARTS: { importer: string; source: string; code: string; usedBy: RegExp }[] = [
  { importer: 'antd/es/config-provider/index.js', source: '../tooltip/UniqueProvider', code: unavailable('ConfigProvider tooltip.unique'), usedBy: /tooltip\s*(=\s*\{)?\{[^}]*\bunique\b/ },
  {
    importer: 'antd/es/table/hooks/useFilter/index.js',
    source: './FilterDropdown',
    code: [
      unavailable('Table column filters (filters / filterDropdown)'),
      'export function flattenKeys(filters) {',
      '  return (filters || []).flatMap(({ value, children }) => (children ? [value, ...flattenKeys(children)] : [value]));',
      '}',
    ].join('\n'),
    usedBy: /\b(filters\s*:\s*\[|filterDropdown|onFilter|filteredValue|defaultFilteredValue)\b/,
  },
  { importer: 'antd/es/table/hooks/useSelection.js', source: '../../radio', code: unavailable("Table rowSelection type 'radio'"), usedBy: /type\s*:\s*'radio'/ },
  { importer: 'antd/es/table/InternalTable.js', source: './RcTable/VirtualTable', code: unavailable('Table virtual'), usedBy: /<Table\b[^>]*\svirtual\b/s },
  { importer: 'antd/es/input/index.js', source: './OTP', code: unavailable('Input.OTP'), usedBy: /Input\.OTP|input\/OTP/ },
];

function antdUnusedParts(): Plugin {
  const PREFIX = '\0antd-unused:';
  const norm = (id: string) => id.replace(/\\/g, '/');
  return {
    name: 'antd-unused-parts',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      const i = ANTD_UNUSED_PARTS.findIndex((p) => p.source === source && norm(importer).endsWith(`/node_modules/${p.importer}`));
      return i < 0 ? null : PREFIX + i;
    },
    load(id) {
      return id.startsWith(PREFIX) ? ANTD_UNUSED_PARTS[Number(id.slice(PREFIX.length))]!.code : null;
    },
  };
}

/** src/contract/**, src/web/api/** and feature hook modules (hooks.ts, hooks/*.ts). */
const DECLARATION_MODULES = /[\\/]src[\\/](contract|web[\\/]api)[\\/]|[\\/]src[\\/]web[\\/]features[\\/].*[\\/]hooks(\.ts$|[\\/])/;

// The entry holds only the bootstrap (react, react-dom, router, query client, i18n);
// antd, icons, the login page, the shell and every page are lazy chunks.
export default defineConfig({
  plugins: [react(), zodWithoutJsonSchema(), antdUnusedParts()],
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // every browser the console supports preloads modules natively (<link rel="modulepreload">);
    // without native support the chunks are simply fetched when imported
    modulePreload: { polyfill: false },
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
