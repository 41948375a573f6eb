import type { Page } from '@playwright/test';

/**
 * A page's picture for the README: into ONEDOOR_SCREENSHOTS (e.g. docs/screenshots) when set,
 * else test-results (git-ignored), so a test run never changes tracked files.
 */
export async function picture(page: Page, name: string): Promise<void> {
  const dir = process.env.ONEDOOR_SCREENSHOTS ?? 'test-results/pictures';
  await page.screenshot({ path: `${dir}/${name}.png` });
}
