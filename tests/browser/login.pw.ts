import { expect, test } from '@playwright/test';
import { login } from './support/login';

test('a wrong password is refused in Chinese, the right one opens the workbench', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill('civil.street');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('alert')).toContainText(/用户名或密码/);
  await login(page, 'civil.street');
  await expect(page.getByRole('heading', { level: 4, name: /您好/ })).toBeVisible();
});
