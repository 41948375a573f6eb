import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { login } from './support/login';
import { pick } from './support/ui';
import { uscc } from './support/uscc';

test('an officer registers an organization, edits its contact and verifies it with a reason', async ({
  page,
}) => {
  const name = `测试社工服务中心${randomBytes(3).toString('hex')}`;
  const code = uscc();
  await login(page, 'civil.street');
  await page.goto('/organizations');
  await expect(page.getByRole('heading', { name: '服务机构' })).toBeVisible();

  // Register: a duplicate code is refused beside its field, in Chinese.
  await page.getByRole('button', { name: '登记机构' }).click();
  const dialog = page.getByRole('dialog', { name: '登记机构' });
  await dialog.getByLabel('机构名称').fill(name);
  await pick(page, dialog, '机构类型', '社会工作服务机构');
  await dialog.getByLabel('统一社会信用代码').fill('51110105MJ0345678G');
  await pick(page, dialog, '所在区域', /^新华街道/);
  await dialog.getByLabel('联系人').fill('周主任');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const usccItem = dialog
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel('统一社会信用代码') });
  await expect(usccItem.locator('.ant-form-item-explain-error')).toContainText(/[\u4e00-\u9fa5]/);
  await dialog.getByLabel('统一社会信用代码').fill(code);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  // Its detail page: pending verification.
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('verification-status')).toHaveText('待认证');
  await expect(page.getByText(code)).toBeVisible();

  // Edit the contact (optimistic version).
  await page.getByRole('button', { name: /编\s*辑/ }).click();
  const edit = page.getByRole('dialog', { name: '编辑机构信息' });
  await edit.getByLabel('联系电话').fill('010-65001234');
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('010-65001234')).toBeVisible();

  // Verify with a reason, after a confirmation.
  await page.getByRole('button', { name: '变更认证状态' }).first().click();
  const verify = page.getByRole('dialog', { name: /变更.*认证状态/ });
  await pick(page, verify, '新的认证状态', '已认证');
  await verify.getByLabel('理由').fill('资质材料齐全，登记证书有效');
  await verify.getByRole('button', { name: /提\s*交/ }).click();
  await page
    .getByRole('dialog', { name: /确定将.*改为“已认证”/ })
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByTestId('verification-status')).toHaveText('已认证');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/c3-organization.png' });

  // Listed with its labels.
  await page.getByRole('link', { name: '服务机构' }).first().click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('社会工作服务机构');
  await expect(row).toContainText('已认证');
  await page.screenshot({ path: '/tmp/c3-organizations.png' });
});
