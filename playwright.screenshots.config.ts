import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run screenshots`: the README's pictures of the console (docs/screenshots/<page>.png at
 * 1440×900), taken on the same kind of stack as the browser tests. Only screenshots.pw.ts runs.
 */
export default defineConfig({
  ...base,
  testMatch: '**/screenshots.pw.ts',
  testIgnore: [],
  outputDir: 'test-results/screenshots',
  timeout: 180_000,
});
