import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests drive Debian's chromium (Playwright's own download is not reachable from these
 * machines; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) against the real stack. ONEDOOR_BASE_URL points
 * at a running one; otherwise the global setup starts its own on the PostgreSQL and Redis of
 * TEST_ADMIN_DATABASE_URL / REDIS_URL (tests/browser/support/stack.ts) and sets ONEDOOR_BASE_URL
 * for the workers, which load this file again. Failures leave a trace, a screenshot and the
 * stack's logs under test-results/. The README screenshots have their own config
 * (playwright.screenshots.config.ts) and are not run here.
 */
export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.pw.ts',
  testIgnore: '**/screenshots.pw.ts',
  globalSetup: './tests/browser/support/global-setup.ts',
  globalTeardown: './tests/browser/support/global-teardown.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  // One worker: the machine is small and the tests share one stack.
  workers: 1,
  timeout: 90_000,
  // On CI a failed test runs once more and, if it passes, is reported as "flaky" in the list:
  // a real failure still fails the run, and a flaky one stays visible to be fixed at its cause.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.ONEDOOR_BASE_URL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The console turns its animations off for it: no click on a dialog still zooming in.
    reducedMotion: 'reduce',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
