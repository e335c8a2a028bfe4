// Lint: TypeScript rules plus the dependency rules of ARCHITECTURE.md, enforced with
// import-x/no-restricted-paths (as bulletproof-react does).
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const featuresDir = 'src/web/features';
const features = fs.existsSync(featuresDir)
  ? fs.readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];

const layerZones = [
  // contract imports nothing of ours
  { target: './src/contract', from: './src', except: ['./contract'], message: 'contract imports zod only' },
  // web imports contract only
  { target: './src/web', from: './src/bff', message: 'web must not import the BFF' },
  { target: './src/web', from: './src/roma-local', message: 'web must not import roma-local' },
  { target: './src/web', from: './src/main.ts' },
  // roma-local imports contract only
  { target: './src/roma-local', from: './src/web', message: 'roma-local must not import web' },
  { target: './src/roma-local', from: './src/bff', message: 'roma-local must not import the BFF' },
  // the BFF imports neither web nor roma-local
  { target: './src/bff', from: './src/web', message: 'the BFF must not import web' },
  { target: './src/bff', from: './src/roma-local', message: 'only main.ts wires roma-local and the BFF' },
];

// one feature never imports another feature's internals
const featureZones = features.map((name) => ({
  target: `./${featuresDir}/${name}`,
  from: `./${featuresDir}`,
  except: [`./${name}`],
  message: 'features must not import each other; move shared code to src/web/components or src/web/api',
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', '.roma-data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // the barrel would put every family's schemas into one chunk that every page loads;
      // antd's `theme` object carries the compact algorithm and getDesignToken along
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'antd', importNames: ['theme'], message: 'Use useToken / darkAlgorithm / defaultAlgorithm from components/themeToken.' }],
          patterns: [{ regex: '^(\\.\\./)+contract(/index)?$', message: 'Import the family file (contract/apps, contract/link, …), not the contract barrel.' }],
        },
      ],
    },
  },
);
