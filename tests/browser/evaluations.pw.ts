import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { call, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';
import { appointPanel, biddingClosed, CRITERIA, publishedProject } from './support/procurement';
import { confirm } from './support/ui';

/**
 * Evaluators' tasks and the organizations' tender pages, on projects the tests set up through
 * the API (a unique title each run). Bidding has to close for real (the Clock cannot move in a
 * browser test): the stack runs with PROCUREMENT_MIN_BIDDING_HOURS=0 and the project closes a
 * few seconds after it is published.
 */

/** create → publish → a bid by the demo social-work organization → close → qualify → panel → evaluate. */
async function projectInEvaluation(request: APIRequestContext, title: string) {
  const staff = await token(request, 'civil.district');
  const swo = await token(request, 'swo');
  const project = await publishedProject(request, staff, title, 4_000, { milestones: true });
  const bid = await call<{ id: string }>(
    request,
    swo,
    'post',
    `/api/procurement/projects/${project.id}/bids`,
    {
      priceFen: 11_000_000,
      proposal: '以社区法律服务站为依托的法律援助方案',
      team: { certifiedSocialWorkers: 6, yearsOperating: 8, staffCount: 20 },
    },
  );
  await biddingClosed(request, staff, project.id);
  await call(request, staff, 'post', `/api/bids/${bid.id}/qualify`, {});
  await appointPanel(request, staff, project.id);
  await call(
    request,
    staff,
    'post',
    `/api/procurement/projects/${project.id}/start-evaluation`,
    {},
  );
  return { project, bidId: bid.id };
}

test('an evaluator declares no conflict, scores a bid once, and the scores are locked', async ({
  page,
  request,
}) => {
  const title = `社区法律援助服务项目${randomBytes(3).toString('hex')}`;
  const { bidId } = await projectInEvaluation(request, title);

  await login(page, 'evaluator1');
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { name: '我的评审任务' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await picture(page, 'my-tasks');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('评审中').first()).toBeVisible();
  await expect(page.getByText('评分标准及权重')).toBeVisible();
  await expect(page.getByRole('row', { name: /价格\s*30%/ })).toBeVisible();

  // Before declaring, the bid cannot be scored.
  const card = page.getByTestId(`bid-${bidId}`);
  await expect(card.getByText('请先完成利益冲突申报')).toBeVisible();
  await page.getByRole('radio', { name: '无利益冲突' }).check();
  await page.getByRole('button', { name: '提交申报' }).click();
  await expect(page.getByText('申报提交后不可更改。')).toBeVisible();
  await confirm(page);
  await expect(page.getByRole('button', { name: '提交申报' })).toHaveCount(0);

  // Scores per non-price criterion, with its weight; the price is not scored by hand.
  await expect(card.getByLabel(/价格/)).toHaveCount(0);
  const scores: Record<string, number> = {
    '专业资质（权重 15%）': 82,
    '内部治理（权重 15%）': 75,
    '人力资源（权重 15%）': 88,
    '服务方案（权重 25%）': 90,
  };
  for (const [label, score] of Object.entries(scores))
    await card.getByLabel(label).fill(String(score));
  await card.getByLabel('评审意见').fill('方案具体可行，团队稳定');
  await card.scrollIntoViewIfNeeded();
  await picture(page, 'scoring');
  await card.getByRole('button', { name: '提交评分' }).click();
  await confirm(page);

  // Locked: the submitted scores read-only, no form.
  await expect(card.getByText('已提交，评分已锁定')).toBeVisible();
  await expect(card.getByRole('button', { name: '提交评分' })).toHaveCount(0);
  const mine = card.getByTestId('my-scores');
  await expect(mine).toContainText('服务方案');
  await expect(mine).toContainText('90');
  await expect(card.getByText(/已提交 1\/3/)).toBeVisible();

  // A second submission is refused by the API.
  const evaluator = await token(request, 'evaluator1');
  const again = await request.post(`/api/bids/${bidId}/scores`, {
    headers: { authorization: evaluator },
    data: { scores: CRITERIA.slice(1).map((c) => ({ criterion: c.code, score: 50 })) },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe('SCORES_LOCKED');
  await page.reload();
  await expect(card.getByText('已提交，评分已锁定')).toBeVisible();
});

test('an evaluator opens a contract performance evaluation from their tasks, beside the referral evidence', async ({
  page,
}) => {
  // The demo's awarded contract was evaluated with evaluator1 on the panel (demo-procurement.seeder).
  await login(page, 'evaluator1');
  await page.goto('/tasks');
  const evaluations = page.locator('.ant-card').filter({ hasText: '合同履约评估' });
  await expect(evaluations.getByText('已提交').first()).toBeVisible();
  await evaluations.getByRole('link', { name: '进入评审' }).first().click();
  await expect(page.getByTestId('evidence')).toContainText('转介总数');
  await expect(page.getByText('已提交，评分已锁定')).toBeVisible();
  await expect(page.getByTestId('my-scores')).toContainText('服务成效（权重');
  await expect(page.getByRole('button', { name: '提交评分' })).toHaveCount(0);
});

test('a social-work organization finds a tender by category and closing day and reads its terms', async ({
  page,
  request,
}) => {
  const title = `困难家庭法律援助项目${randomBytes(3).toString('hex')}`;
  const staff = await token(request, 'civil.district');
  const project = await publishedProject(request, staff, title, 40 * 24 * 3_600_000, {
    milestones: true,
  });

  await login(page, 'swo');
  await page.goto('/tenders');
  await expect(page.getByRole('heading', { name: '招标公告' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // A closing day before this tender's hides it; the category keeps it.
  const search = page.locator('form[id="tenderSearch"]');
  await search.getByLabel('截止日期不晚于').fill('2026-01-01');
  await search.getByLabel('截止日期不晚于').press('Enter');
  await search.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await search.getByRole('button', { name: /重\s*置/ }).click();
  await search
    .locator('.ant-form-item')
    .filter({ hasText: '服务类别' })
    .locator('.ant-select-selector')
    .click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('法律援助').click();
  await search.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await picture(page, 'tenders');

  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  // Closing time in Beijing; 40% of the ¥120,000 ceiling; weights as published.
  const closes = new Date(Date.parse(project.closesAt) + 8 * 3_600_000).toISOString();
  await expect(page.getByTestId('closes-at')).toHaveText(
    `${closes.slice(0, 10)} ${closes.slice(11, 16)}`,
  );
  await expect(page.getByRole('cell', { name: '¥48,000.00' })).toBeVisible();
  await expect(page.getByRole('row', { name: /服务方案\s*25%/ })).toBeVisible();
  await expect(page.getByText('持证社工不少于')).toBeVisible();
  await picture(page, 'tender');
});
