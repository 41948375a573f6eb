import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { assessedHousehold, call, get, token } from './support/api';
import { idNumber } from './support/id-number';
import { login } from './support/login';
import { picture } from './support/picture';

/**
 * Presses 查询 once the last question is answered. Not by its exact name: under load AntD's
 * loading icon can linger in the button while its collapse animation runs ("loading 查 询").
 */
async function ask(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /查\s*询$/ });
  await expect(button).not.toHaveClass(/ant-btn-loading/);
  await button.click();
}

test('a department user asks with a purpose and hears yes or no; the household’s staff see the lookup and the reads', async ({
  request,
  page: departmentPage,
  browser,
}) => {
  test.setTimeout(120_000);
  let page = departmentPage;
  await page.setViewportSize({ width: 1440, height: 900 });
  const suffix = randomInt(100_000, 999_999);
  const admin = await token(request, 'admin');
  const assessor = await token(request, 'assessor');

  // A user of the health-insurance bureau (a department: a government provider of the demo).
  const providers = await get<{ items: { id: string; name: string }[] }>(
    request,
    admin,
    '/api/providers?limit=100',
  );
  const bureau = providers.items.find((p) => p.name === '和平区医疗保障局')!;
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    admin,
    '/api/areas?limit=100',
  );
  const district = areas.items.find((a) => a.code === 'DEMO-C-D1')!;
  const username = `nhsa${suffix}`;
  const password = `Lookup-${suffix}-quiet-river`;
  const made = await call<{ setPasswordToken: string }>(request, admin, 'post', '/api/users', {
    username,
    displayName: `医保经办${suffix}`,
    role: 'provider',
    providerId: bureau.id,
    areaId: district.id,
  });
  const set = await request.post('/api/auth/set-password', {
    data: { token: made.setPasswordToken, password },
  });
  expect(set.status(), await set.text()).toBe(204);

  // A family assessed today: its tier is known, no benefit of any category recorded.
  const head = `查询户${suffix}`;
  const id = idNumber({ bornFrom: 1950, bornTo: 1965 });
  const householdId = await assessedHousehold(request, assessor, { name: head, idNumber: id });
  const household = await get<{ tier: string | null }>(
    request,
    assessor,
    `/api/households/${householdId}`,
  );
  expect(household.tier).not.toBeNull();
  const dictionaries = await get<{ groups: Record<string, Record<string, { 'zh-CN': string }>> }>(
    request,
    admin,
    '/api/dictionaries',
  );
  const tierLabel = dictionaries.groups.tier[household.tier!]['zh-CN'];

  await login(page, username, password);
  await page.getByRole('link', { name: '救助查询' }).click();
  await expect(page.getByRole('heading', { name: '救助查询' })).toBeVisible();

  // Receives 医疗救助? No (nothing in the ledger).
  await page.getByLabel('查询用途').click();
  await page.getByTitle('资格审核').click();
  await page.getByLabel('救助类别').click();
  await page.getByTitle('医疗救助').click();
  await page.getByLabel('身份证号').fill(id);
  await ask(page);
  const answer = page.getByTestId('lookup-answer');
  await expect(answer.getByText('否', { exact: true })).toBeVisible();
  await expect(answer.getByText(/今日还可查询 \d+ 次/)).toBeVisible();

  // Holds the tier? Yes, since today's assessment.
  await page.getByLabel('是否为某类困难对象').check();
  await page.getByLabel('困难类型').click();
  await page.getByTitle(tierLabel).click();
  await ask(page);
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await expect(answer.getByText(`是：自${today}起属于${tierLabel}`)).toBeVisible();
  await picture(page, 'lookup-answer');

  // A wrong check digit: the field says so, nothing is asked.
  await page.getByLabel('身份证号').fill(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
  await ask(page);
  await expect(page.getByText('身份证号不正确')).toBeVisible();

  // The street's staff open the household: both lookups, with the bureau and purpose, and reads.
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await login(page, 'civil.street');
  await page.goto(`/households/${householdId}`);
  const records = page.getByTestId('lookup-records');
  await expect(records).toBeVisible();
  const rows = records.getByRole('row').filter({ hasText: '和平区医疗保障局' });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '是否享受医疗救助' })).toContainText('资格审核');
  await expect(rows.filter({ hasText: `是否属于${tierLabel}` })).toContainText('是');
  await records.scrollIntoViewIfNeeded();
  await picture(page, 'lookup-records');
  await records.getByRole('tab', { name: '档案访问记录' }).click();
  await expect(
    records
      .getByRole('row')
      .filter({ hasText: `/households/${householdId}` })
      .first(),
  ).toContainText('新华街道办');

  // And in the access log.
  await page.getByRole('link', { name: '访问日志' }).click();
  await expect(page.getByRole('heading', { name: '访问日志' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: head }).first()).toContainText(
    `/households/${householdId}`,
  );
  await picture(page, 'access-log');
});
