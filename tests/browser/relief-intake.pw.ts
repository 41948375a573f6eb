import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { get, token } from './support/api';
import { idNumber } from './support/id-number';
import { login } from './support/login';
import { picture } from './support/picture';
import { pick } from './support/ui';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('an assessor registers a family in sudden difficulty and finds the assessment it owes', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const head = `急难户${randomInt(100_000, 999_999)}`;
    const headId = idNumber({ bornFrom: 1960, bornTo: 1975 });

    await login(page, 'assessor');
    await page.goto('/relief/intake');
    await expect(page.getByRole('heading', { name: '急难登记' })).toBeVisible();
    // One column: nothing wider than the phone (a string: the root tsconfig has no DOM types).
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The form says what is missing before anything is sent.
    await page.getByRole('button', { name: '提交急难登记' }).click();
    await expect(page.getByText('必填').first()).toBeVisible();

    await pick(page, page, '所在社区', '光明社区');
    await page.getByLabel('户主姓名').fill(head);
    await page.getByLabel('户主身份证号').fill(headId);
    await page.getByLabel('联系电话').fill('13900004444');
    await page.getByLabel('发生了什么').fill('夜间房屋失火，家中财物全部烧毁，暂住邻居家');
    await pick(page, page, '需求类别 1', '基本生活');
    await page.getByLabel('简要说明 1').fill('无生活来源');
    await page.getByRole('button', { name: '再加一项需求' }).click();
    await pick(page, page, '需求类别 2', '住房救助');
    await page.getByLabel('申请金额（元，可选）').fill('3000');
    // An amount is also a grant request: the fund that will pay it is chosen here.
    await pick(page, page, '支付资金', /^和平区临时救助备用金/);
    await picture(page, 'relief-intake-form');
    await page.getByRole('button', { name: '提交急难登记' }).click();

    await expect(page.getByText('已急难登记')).toBeVisible();
    await expect(page.getByText(`已为 ${head} 登记家庭，并按最高优先级匹配救助。`)).toBeVisible();
    // The paperwork after: a supporting file attached to the intake.
    await page.locator('input[type=file]').setInputFiles({
      name: '火灾证明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('村委会火灾证明 '.repeat(40))]),
    });
    await expect(page.getByTestId('intake-file')).toHaveText('已上传：火灾证明.pdf');
    await picture(page, 'relief-intake-registered');

    // The API kept it: a household with emergency needs, not yet fully assessed.
    const assessor = await token(request, 'assessor');
    const intakes = await get<{
      items: Array<{ householdId: string; headName: string; amountRequestedFen: number }>;
    }>(request, assessor, '/api/emergency-intakes?limit=20');
    const intake = intakes.items.find((i) => i.headName === head)!;
    expect(intake.amountRequestedFen).toBe(300_000);
    const needs = await get<Array<{ urgency: string; categoryCode: string }>>(
      request,
      assessor,
      `/api/households/${intake.householdId}/needs`,
    );
    expect(needs.map((n) => [n.categoryCode, n.urgency]).sort()).toEqual([
      ['basic_living', 'emergency'],
      ['housing', 'emergency'],
    ]);

    // The household's link, then the list of assessments owed leads back to it.
    await page.getByRole('button', { name: '查看家庭' }).click();
    await expect(page).toHaveURL(new RegExp(`/households/${intake.householdId}`));
    await page.goto('/relief/follow-ups');
    await expect(page.getByRole('heading', { name: '待补全评估' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: head });
    await expect(row).toContainText('待评估');
    await picture(page, 'relief-follow-ups');
    await row.getByRole('link', { name: '去评估' }).click();
    await expect(page).toHaveURL(new RegExp(`/households/${intake.householdId}`));
  });
});
