import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { login } from './support/login';

test('an officer sees the tree of their street and cannot add an area: the API says why', async ({
  page,
}) => {
  await login(page, 'civil.street');
  await page.goto('/areas');
  const tree = page.getByRole('tree');
  await expect(tree).toContainText('新华街道');
  await expect(tree).toContainText('光明社区');
  // Their street is the root: the district above is out of their scope.
  await expect(tree).not.toContainText('和平区');

  await tree.getByText('光明社区').click();
  const detail = page.getByTestId('area-detail');
  await expect(detail).toContainText('DEMO-C-D1-S1-C1');
  await expect(detail).toContainText('社区/村');
  await expect(detail).toContainText('新华街道');

  await tree.getByText('新华街道').click();
  await page.getByRole('button', { name: '新增下级区划' }).click();
  const dialog = page.getByRole('dialog', { name: '在“新华街道”下新增区划' });
  await dialog.getByLabel('区划代码').fill(`PW-${randomBytes(3).toString('hex')}`);
  await dialog.getByLabel('名称', { exact: true }).fill('不应新增');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('无权');
});

test('the administrator adds a community under a street; it appears in the tree', async ({
  page,
}) => {
  const code = `PW-${randomBytes(4).toString('hex').toUpperCase()}`;
  const name = `测试社区${code.slice(-4)}`;
  await login(page, 'admin');
  await page.goto('/areas');
  const tree = page.getByRole('tree');
  await expect(tree).toContainText('示范市');
  await expect(tree).toContainText('和平区');

  await tree.getByText('和平区').click();
  await expect(page.getByTestId('area-detail')).toContainText('最低生活保障标准');

  await tree.getByText('新华街道').click();
  await page.getByRole('button', { name: '新增下级区划' }).click();
  const dialog = page.getByRole('dialog', { name: '在“新华街道”下新增区划' });
  await expect(dialog.getByLabel('层级')).toBeVisible();
  await dialog.getByLabel('区划代码').fill(code);
  await dialog.getByLabel('名称', { exact: true }).fill(name);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page.getByTestId('area-detail')).toContainText(code);
  await expect(tree).toContainText(name);
  await page.getByRole('searchbox').fill('新华');
  await expect(tree).toContainText('新华街道');
  await page.getByRole('searchbox').fill('');
  await tree.getByText('新华街道').click();
  await expect(page.getByTestId('area-detail')).toContainText('DEMO-C-D1-S1');
  await page.screenshot({ path: '/tmp/c3-areas.png' });
});
