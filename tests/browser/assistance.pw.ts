import { randomBytes, randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, get, token } from './support/api';
import { idNumber } from './support/id-number';
import { login } from './support/login';
import { pick } from './support/ui';
import { picture } from './support/picture';

test('a department records an outside benefit by identity number; staff see it in the household’s assistance history', async ({
  request,
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await token(request, 'admin');
  const staff = await token(request, 'civil.street');
  const suffix = randomInt(100_000, 999_999);

  // 和平区民政局 (a demo government provider at home in the district) gets a user.
  const providers = await get<{ items: { id: string; name: string }[] }>(
    request,
    admin,
    '/api/providers?kind=government&limit=100',
  );
  const bureau = providers.items.find((p) => p.name === '和平区民政局')!;
  const user = await call<{ setPasswordToken: string; username: string }>(
    request,
    admin,
    'post',
    '/api/users',
    {
      username: `mca-${suffix}`,
      displayName: '社会救助科',
      role: 'provider',
      providerId: bureau.id,
    },
  );
  const password = `Bureau-${randomBytes(6).toString('hex')}`;
  await call(request, admin, 'post', '/api/auth/set-password', {
    token: user.setPasswordToken,
    password,
  });

  // A family of 光明社区 registered by the street's staff, the head's number known.
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    staff,
    '/api/areas?limit=100',
  );
  const community = areas.items.find((a) => a.code === 'DEMO-C-D1-S1-C1')!;
  const head = `救助户${suffix}`;
  const headId = idNumber({ bornFrom: 1955, bornTo: 1970 });
  const household = await call<{ id: string }>(request, staff, 'post', '/api/households', {
    communityId: community.id,
    residency: 'local',
    members: [
      {
        name: head,
        relation: 'self',
        idNumber: headId,
        employment: 'unemployed',
        monthlyIncomeFen: 30_000,
      },
    ],
  });

  // The department's user records the benefit from the menu, by the head's identity number.
  await login(page, user.username, password);
  await page.getByRole('link', { name: '登记救助' }).click();
  await expect(page.getByRole('heading', { name: '登记救助' })).toBeVisible();
  await page
    .getByLabel('受助人身份证号')
    .fill(headId.slice(0, 17) + (headId[17] === '0' ? '1' : '0'));
  await page.getByLabel('项目名称').click();
  await expect(page.getByText('身份证号校验位不正确')).toBeVisible();
  await page.getByLabel('受助人身份证号').fill(headId);
  await pick(page, page, '救助类别', '急难救助');
  await page.getByLabel('项目名称').fill('临时救助');
  await page.getByLabel('金额（元）').fill('1500');
  await page.getByLabel('发放日期').fill('2026-10-03');
  await page.getByLabel('发放日期').press('Escape');
  await page.getByLabel('备注').fill('因病临时救助');
  await picture(page, 'assistance-record-form');
  await page.getByRole('button', { name: /^登\s*记$/ }).click();
  await expect(page.getByText('已登记', { exact: true })).toBeVisible();
  // Nothing of the family is shown to the department.
  await expect(page.getByText(head)).toHaveCount(0);
  await picture(page, 'assistance-recorded');

  // Its own list shows the entry, without whose it is.
  await page.getByRole('link', { name: '救助记录', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: '临时救助' }).first();
  await expect(row).toContainText('¥1,500.00');
  await expect(row).toContainText('2026-10-03');
  await expect(row).toContainText('部门登记');
  await picture(page, 'assistance-list');

  // The street's staff open the household page: the history shows it with its source.
  const staffPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(staffPage, 'civil.street');
  await staffPage.goto(`/households/${household.id}`);
  const card = staffPage.getByTestId('assistance-history');
  await expect(card).toBeVisible();
  const entry = card.getByRole('row').filter({ hasText: '临时救助' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('部门登记');
  await expect(entry).toContainText('和平区民政局');
  await expect(entry).toContainText('急难救助');
  await expect(entry).toContainText('现金');
  await expect(entry).toContainText('¥1,500.00');
  await expect(entry).toContainText('2026-10-03');
  await expect(entry).toContainText('有效');
  await expect(entry).toContainText('社会救助科');

  // Staff record the charity's in-kind help from the card, naming the organization.
  await card.getByRole('button', { name: '登记救助' }).click();
  const dialog = staffPage.getByRole('dialog', { name: '登记救助' });
  await pick(staffPage, dialog, '发放机构（平台内机构）', '和平区慈善会');
  await pick(staffPage, dialog, '救助类别', '基本生活');
  await dialog.getByLabel('项目名称').fill('慈善物资（米面油）');
  await dialog.getByText('实物', { exact: true }).click();
  await dialog.getByLabel('金额（元）').fill('300');
  await dialog.getByLabel('发放日期').fill('2026-11-15');
  // Not Escape: in a dialog it would close the dialog, not just the date panel.
  await dialog.getByLabel('备注').click();
  await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
  await expect(dialog).toBeHidden();
  const charity = card.getByRole('row').filter({ hasText: '慈善物资（米面油）' });
  await expect(charity).toContainText('和平区慈善会');
  await expect(charity).toContainText('实物');
  await expect(charity).toContainText('¥300.00');
  await expect(charity).toContainText('2026-11-15');
  await expect(charity).toContainText('新华街道办');
  // Newest first: the November help above the October one.
  await expect(card.getByRole('row').nth(1)).toContainText('慈善物资（米面油）');
  await card.scrollIntoViewIfNeeded();
  await picture(staffPage, 'assistance-history');

  // The demo seed's outside help is there too: 和平区民政局's monthly 最低生活保障.
  const seeded = await get<{ items: { grantedBy: string; title: string; frequency: string }[] }>(
    request,
    staff,
    '/api/assistance-entries?categoryCode=basic_living&source=entry&limit=100',
  );
  expect(seeded.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        grantedBy: '和平区民政局',
        title: '最低生活保障',
        frequency: 'monthly',
      }),
    ]),
  );
  await staffPage.close();
});
