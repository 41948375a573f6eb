import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, get, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';

test('staff record a pledge into a donation fund, confirm its receipt and see the balance rise', async ({
  request,
  page,
}) => {
  test.setTimeout(120_000);
  const staff = await token(request, 'civil.district');
  const suffix = randomInt(100_000, 999_999);
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    staff,
    '/api/areas?limit=100',
  );
  const district = areas.items.find((a) => a.code === 'DEMO-C-D1')!;
  // Its own fund (the demo's are shared with other tests and runs): ¥20,000.00 to start.
  const name = `救急难专项基金${suffix}`;
  await call(request, staff, 'post', '/api/relief-funds', {
    kind: 'donation',
    name,
    areaId: district.id,
    managingOffice: '和平区慈善会',
    budgetFen: 2_000_000,
    thresholdFen: 500_000,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  });

  await login(page, 'civil.district');
  await page.getByRole('link', { name: '救助资金' }).click();
  await expect(page.getByRole('heading', { name: '救助资金' })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const balance = page.getByTestId('fund-balance');
  await expect(balance).toContainText('¥20,000.00');

  await page.getByRole('button', { name: '登记认捐' }).click();
  const pledge = page.getByRole('dialog', { name: '登记认捐' });
  await pledge.getByLabel('捐赠方', { exact: true }).fill(`爱心人士${suffix}`);
  await pledge.getByLabel('联系电话').fill('13900001111');
  await pledge.getByLabel('金额（元）').fill('3500.50');
  await pledge.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(pledge).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: `爱心人士${suffix}` });
  await expect(row.getByText('已认捐')).toBeVisible();
  // A pledge is a promise: the balance has not moved.
  await expect(balance).toContainText('¥20,000.00');

  await row.getByRole('button', { name: '确认到账' }).click();
  const receipt = page.getByRole('dialog', { name: /确认捐赠到账/ });
  await expect(receipt.getByText('¥3,500.50')).toBeVisible();
  await receipt.getByLabel('票据号').fill(`HPCS-${suffix}`);
  await receipt.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(receipt).toBeHidden();
  await expect(row.getByText('已到账')).toBeVisible();
  await expect(balance).toContainText('¥23,500.50');
  await expect(
    page.getByRole('row').filter({ hasText: '捐赠到账' }).filter({ hasText: '¥3,500.50' }),
  ).toBeVisible();
  await picture(page, 'relief-fund');
});
