import { defineConfig } from '@playwright/test';

// e2e in Debian's Chromium (Playwright cannot download browsers here). The global setup starts
// the whole console (BFF + roma-local on ephemeral ports, temp data) and exports its URL.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // generous: the e2e run shares two CPUs with builds; a lazy page can take seconds to render
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json']],
  use: {
    // a click or fill on an element that never comes fails after a minute, not at the test's end
    actionTimeout: 60_000,
    locale: 'en-US',
    timezoneId: 'UTC',
    // the console honours the system's reduced-motion setting: no dialog zooming in under a click
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
