import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'onedoor-demo';

/** Logs in through the console's own login page and waits for the workbench. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}
