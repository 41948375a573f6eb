import type { Locator, Page } from '@playwright/test';

/** Picks an option of an Ant Design Select or TreeSelect reached by its label in `scope`. */
export async function pick(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string | RegExp,
) {
  await scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-select-selector')
    .click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(option, { exact: typeof option === 'string' })
    .first()
    .click();
}
