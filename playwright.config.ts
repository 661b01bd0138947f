import { defineConfig } from '@playwright/test';

// CHROMIUM_PATH is set by scripts/test.mjs (Debian's chromium, or Playwright's own where present).
export default defineConfig({
  testDir: 'e2e/specs',
  globalSetup: './e2e/globalSetup.ts',
  outputDir: 'reports/e2e-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--no-default-browser-check'],
    },
  },
});
