import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an Ant Design Select or TreeSelect reached by its label in `scope`. A
 * Select's list is virtual (only the rows in view are in the page), so for a long list pass
 * `search`: it is typed into a searchable select first, as a user narrows it.
 */
export async function pick(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string | RegExp,
  search?: string,
) {
  const item = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) });
  await item.locator('.ant-select-selector').click();
  if (search) await item.locator('input.ant-select-selection-search-input').fill(search);
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
