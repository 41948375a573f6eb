import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { assessedHousehold, get, token } from './support/api';
import { login } from './support/login';

/** A page's picture: into ONEDOOR_SCREENSHOTS (e.g. docs/screenshots) when set, else /tmp. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ONEDOOR_SCREENSHOTS;
  await page.screenshot({ path: dir ? `${dir}/${name}.png` : `/tmp/case-page-${name}.png` });
}

test('an adviser finds the family in the caseload, reads its timeline, hands the case over, closes and reopens it', async ({
  request,
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const assessor = await token(request, 'assessor');
  const staff = await token(request, 'civil.street');
  const suffix = randomInt(100_000, 999_999);
  const head = `个案户${suffix}`;
  const householdId = await assessedHousehold(request, assessor, { name: head });

  // A second adviser in the family's community, made by the street's staff.
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    staff,
    '/api/areas?limit=100',
  );
  const community = areas.items.find((a) => a.code === 'DEMO-C-D1-S1-C1')!;
  const colleague = `接任社工${suffix}`;
  const made = await request.post('/api/users', {
    headers: { authorization: staff },
    data: {
      username: `adviser${suffix}`,
      displayName: colleague,
      role: 'assessor',
      areaId: community.id,
    },
  });
  expect(made.status(), await made.text()).toBe(201);

  await login(page, 'assessor');
  await page.getByRole('link', { name: '个案管理' }).click();
  await expect(page.getByRole('heading', { name: '我的个案' })).toBeVisible();
  // One's own caseload starts with the visits due on it; the whole area's does not.
  await expect(page.getByTestId('due-visits')).toBeVisible();
  await page.getByRole('link', { name: head }).click();
  await expect(page.getByRole('heading', { name: `${head}家庭个案` })).toBeVisible();
  await expect(page.getByText('光明社区社工').first()).toBeVisible();
  const overview = page.getByRole('tabpanel');
  await expect(overview.getByText('登记时确定')).toBeVisible();
  await shot(page, 'case-page');

  // The timeline: registration and the assessment, by their labels, with who did them.
  await page.getByRole('tab', { name: '时间线' }).click();
  const entries = page.getByTestId('timeline-entry');
  await expect(entries.filter({ hasText: '登记家庭' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '完成评估' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '建立个案' })).toHaveCount(1);
  await expect(page).toHaveURL(/tab=timeline/);

  // Hand-over: the colleague is offered; the case page then names them.
  await page.getByRole('button', { name: /^移\s*交$/ }).click();
  const handover = page.getByRole('dialog', { name: '移交个案' });
  await handover.getByLabel('新的救助顾问').click();
  await page.getByTitle(new RegExp(colleague)).click();
  await handover.getByLabel('移交原因').fill('就近服务');
  await handover.getByRole('button', { name: /^移\s*交$/ }).click();
  await expect(page.getByText('个案已移交', { exact: true })).toBeVisible();
  await expect(page.getByText(`救助顾问：${colleague}`)).toBeVisible();
  await expect(entries.filter({ hasText: '个案移交' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '就近服务' })).toHaveCount(1);

  // No longer in the assessor's own caseload.
  const mine = await get<{ items: { householdId: string }[] }>(
    request,
    assessor,
    '/api/cases?assignedTo=me&limit=100',
  );
  expect(mine.items.map((c) => c.householdId)).not.toContain(householdId);

  // Close with a reason, then reopen.
  await page.getByRole('button', { name: /^结\s*案$/ }).click();
  const close = page.getByRole('dialog', { name: '个案结案' });
  await close.getByLabel('结案原因').click();
  await page.getByTitle('已摆脱困境').click();
  await close.getByRole('button', { name: /^结\s*案$/ }).click();
  await expect(page.getByText('个案已结案', { exact: true })).toBeVisible();
  // The closing entry shows the reason's label, not its code.
  const closed = entries.filter({ hasText: '个案结案' });
  await expect(closed).toHaveCount(1);
  await expect(closed).toContainText('已摆脱困境');
  await expect(closed).not.toContainText('no_longer_in_difficulty');
  await page.getByRole('button', { name: '重新开启' }).click();
  const reopen = page.getByRole('dialog', { name: '重新开启个案' });
  await reopen.getByLabel('重新开启原因').fill('再次失业');
  await reopen.getByRole('button', { name: '重新开启' }).click();
  await expect(page.getByText('个案已重新开启', { exact: true })).toBeVisible();
  await expect(entries.filter({ hasText: '个案重新开启' })).toHaveCount(1);

  // The household page leads to the case file.
  await page.goto(`/households/${householdId}`);
  await page.getByRole('button', { name: '个案档案' }).click();
  await expect(page.getByRole('heading', { name: `${head}家庭个案` })).toBeVisible();

  // The staff's view: the whole area's caseload.
  const staffPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(staffPage, 'civil.street');
  await staffPage.goto('/cases');
  await expect(staffPage.getByRole('heading', { name: '个案管理' })).toBeVisible();
  await expect(staffPage.getByTestId('due-visits')).toHaveCount(0);
  await expect(staffPage.getByRole('link', { name: head })).toBeVisible();
  await staffPage.close();
});
