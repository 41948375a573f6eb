import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests drive Debian's chromium (Playwright's own download is not reachable from these
 * machines) against the real stack. ONEDOOR_BASE_URL points at a running one; otherwise the
 * global setup starts its own (tests/browser/support).
 */
export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.pw.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.ONEDOOR_BASE_URL ?? 'http://127.0.0.1:3000',
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
