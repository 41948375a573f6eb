import { expect, type Locator, type Page } from '@playwright/test';

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

/** Confirms the open confirmation dialog with `ok` and waits until it has gone. */
export async function confirm(page: Page, ok: string | RegExp = /确\s*定/) {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
}
