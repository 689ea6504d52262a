import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browser on our machines: use Debian's Chromium where it is installed,
// and Playwright's own browser where a user has one instead.
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.WIREGRAD_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);

// Another port lets two checkouts run their browser tests side by side.
const port = Number(process.env.WIREGRAD_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      // Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // A production build served by `vite preview`: closer to what users get, and much faster than the dev server.
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
