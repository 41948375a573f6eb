import { expect, test } from '@playwright/test';
import { assessedHousehold, get, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';
import { pick } from './support/ui';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the assessor records a check-in reporting a lost job and sees what follows', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const assessor = await token(request, 'assessor');
    const householdId = await assessedHousehold(request, assessor, { name: '回访测试' });
    const kase = await get<{ id: string }>(
      request,
      assessor,
      `/api/households/${householdId}/case`,
    );

    await login(page, 'assessor');
    // From the case page's header.
    await page.goto(`/cases/${kase.id}`);
    await expect(page.getByRole('button', { name: '电话回访' })).toBeVisible();
    await page.screenshot({ path: 'test-results/case-page-phone.png' });
    await page.getByRole('button', { name: '电话回访' }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}/check-in\\?mode=phone`));
    await expect(page.getByRole('heading', { name: '回访登记' })).toBeVisible();
    // One column: nothing wider than the phone.
    // A string: the root tsconfig has no DOM types.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The conclusion is required: the form says so before anything is sent.
    await page.getByRole('button', { name: '提交回访记录' }).click();
    await expect(page.getByText('此项为必填项')).toBeVisible();

    await page.getByText('失业', { exact: true }).click();
    await page.getByLabel('现在的家庭月收入（可选）').fill('0');
    await page.screenshot({ path: 'test-results/case-checkin-form.png', fullPage: true });
    await page.getByLabel('回访结论').fill('户主所在工厂停产，已失业一个月');
    await page.getByRole('button', { name: '提交回访记录' }).click();

    const outcome = page.getByTestId('check-in-outcome');
    await expect(outcome.getByText('已生成新需求，系统将自动匹配')).toBeVisible();
    await expect(outcome.getByText('就业帮扶')).toBeVisible();
    await expect(outcome.getByText('需要重新评估')).toBeVisible();
    await picture(page, 'case-checkin-phone');

    // The API kept it, with the conclusion readable to the adviser.
    const checkIns = await get<Array<{ openedNeeds: string[]; conclusion: string }>>(
      request,
      assessor,
      `/api/cases/${kase.id}/check-ins`,
    );
    expect(checkIns[0]).toMatchObject({
      openedNeeds: ['employment'],
      conclusion: '户主所在工厂停产，已失业一个月',
    });
  });
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('street staff move a household to another community from the case page', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const assessor = await token(request, 'assessor');
    const staff = await token(request, 'civil.street');
    const householdId = await assessedHousehold(request, assessor, { name: '迁移测试' });
    const kase = await get<{ id: string }>(request, staff, `/api/households/${householdId}/case`);

    await login(page, 'civil.street');
    await page.goto(`/cases/${kase.id}`);
    await page.getByRole('button', { name: /^迁\s?移$/ }).click();
    const dialog = page.getByRole('dialog', { name: '家庭迁移' });
    await pick(page, dialog, '迁入社区', '东风社区');
    await pick(page, dialog, '新的个案顾问（可选）', /光明社区社工/);
    await dialog.getByLabel('迁移原因').fill('租房到期，搬至东风社区');
    await dialog.getByRole('button', { name: '确认迁移' }).click();
    // The toast's own words: the live notice 「新消息：家庭已迁移」 to the street's staff (this
    // officer among them) may arrive at the same moment and also say 家庭已迁移.
    await expect(page.getByText('家庭已迁移，系统将按新社区重新匹配')).toBeVisible();
    await expect(page.getByText(/东风社区/).first()).toBeVisible();

    const moves = await get<Array<{ toCommunityName: string; reason: string }>>(
      request,
      staff,
      `/api/households/${householdId}/moves`,
    );
    expect(moves[0]).toMatchObject({
      toCommunityName: '东风社区',
      reason: '租房到期，搬至东风社区',
    });
  });
});
