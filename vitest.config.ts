import { defineConfig } from 'vitest/config';

// Unit and integration tests. Web component tests opt into jsdom with a
// `// @vitest-environment jsdom` comment; everything else runs in node.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
