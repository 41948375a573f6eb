import { randomBytes, randomInt } from 'node:crypto';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { call, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';
import { confirm } from './support/ui';
import { uscc } from './support/uscc';

/**
 * Civil-affairs staff run a tender in the console: the wizard (a wrong weight sum first, which
 * the API refuses and the wizard puts on the criteria step), publication, the panel, closing,
 * qualification, the ranking with its flags and the award. The bids and the scores come through
 * the API from the demo social-work organization, one more made for the run, and evaluator1..3.
 * Bidding has to close for real: the stack runs with PROCUREMENT_MIN_BIDDING_HOURS=0 and the
 * tender closes at the next whole minute at least 45 s ahead.
 */

test.setTimeout(240_000);

/** A second verified social-work organization with a user of its own, made for this run. */
async function secondBidder(request: APIRequestContext): Promise<string> {
  const admin = await token(request, 'admin');
  const areas = await call<{ items: { id: string; code: string }[] }>(
    request,
    admin,
    'get',
    '/api/areas?limit=100',
  );
  const district = areas.items.find((a) => a.code === 'DEMO-C-D1')!;
  const suffix = randomInt(100_000, 999_999);
  const org = await call<{ id: string }>(request, admin, 'post', '/api/providers', {
    kind: 'social_work_org',
    name: `测试社会工作服务社${suffix}`,
    uscc: uscc(),
    homeAreaId: district.id,
    contactName: '王社工',
    contactPhone: '010-65001234',
  });
  await call(request, admin, 'post', `/api/providers/${org.id}/verify`, {
    status: 'verified',
    reason: '登记证书与社工资质齐全',
  });
  const user = await call<{ setPasswordToken: string; username: string }>(
    request,
    admin,
    'post',
    '/api/users',
    { username: `swo-${suffix}`, displayName: '王社工', role: 'provider', providerId: org.id },
  );
  const password = `Bidder-${randomBytes(6).toString('hex')}`;
  await call(request, admin, 'post', '/api/auth/set-password', {
    token: user.setPasswordToken,
    password,
  });
  return token(request, user.username, password);
}

/** Picks an option of the Select/TreeSelect in the form item labelled `label`. */
async function pick(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope
    .locator('.ant-form-item')
    .filter({ hasText: label })
    .locator('.ant-select-selector')
    .click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
}

/** The next whole minute at least 45 s ahead, as Beijing wall-clock text and as an instant. */
function closingMinute(): { text: string; at: number } {
  const at = Math.ceil((Date.now() + 45_000) / 60_000) * 60_000;
  const beijing = new Date(at + 8 * 3_600_000).toISOString();
  return { text: `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`, at };
}

const QUALITY = [
  'professional_qualification',
  'internal_governance',
  'human_resources',
  'service_proposal',
];

interface RankingEntry {
  bidId: string;
  rank: number | null;
  total: number;
  criteria: { spreadFlag: boolean }[];
  abnormallyLowPrice: { flagged: boolean };
}

test('staff run a tender from the wizard to the award: weights refused first, then ranking flags and award', async ({
  page,
  request,
}) => {
  const title = `困难家庭法律援助服务项目${randomBytes(3).toString('hex')}`;
  const other = await secondBidder(request);
  const swo = await token(request, 'swo');
  const staff = await token(request, 'civil.district');

  // --- The wizard: basics, services, criteria (summing to 95), payment plan.
  await login(page, 'civil.district');
  await page.goto('/procurement');
  await expect(page.getByRole('heading', { name: '服务项目' })).toBeVisible();
  await page.getByRole('button', { name: '新建招标项目' }).click();
  const wizard = page.locator('form#tender');
  await wizard.getByLabel('项目名称').fill(title);
  await pick(page, wizard, '服务类别', '法律援助');
  await pick(page, wizard, '服务区域', /^和平区（/);
  await wizard.getByLabel('预算上限（元）').fill('120000');
  await wizard.getByLabel('计划服务户数').fill('30');
  await wizard.getByPlaceholder('开始日期').fill('2027-01-01');
  await wizard.getByPlaceholder('结束日期').fill('2027-12-31');
  await wizard.getByPlaceholder('结束日期').press('Enter');
  await page.getByRole('button', { name: '下一步' }).click();

  await wizard.getByLabel('服务内容').fill('为辖区困难家庭提供法律咨询、矛盾调解与诉讼代理');
  await wizard.getByLabel('持证社工不少于（人）').fill('1');
  await wizard.getByLabel('机构成立不少于（年）').fill('1');
  await page.getByRole('button', { name: '下一步' }).click();

  const weights = [30, 15, 15, 15, 20];
  for (const [i, w] of weights.entries())
    await page.getByTestId(`criterion-${i}`).getByLabel('权重（%）').fill(String(w));
  await expect(page.getByTestId('criteria-total')).toHaveText('95 / 100');
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByRole('button', { name: '添加付款节点' }).click();
  await page.getByRole('button', { name: '添加付款节点' }).click();
  const plan = [
    ['完成需求评估与服务计划', '2027-03-31', '40'],
    ['完成全部个案服务并结项', '2027-12-31', '60'],
  ];
  for (const [i, [deliverable, due, share]] of plan.entries()) {
    const row = page.getByTestId(`milestone-${i}`);
    await row.getByLabel('交付成果').fill(deliverable);
    await row.getByLabel('到期日').fill(due);
    await row.getByLabel('到期日').press('Enter');
    await row.getByLabel('付款比例（%）').fill(share);
  }
  await expect(page.getByTestId('milestone-0')).toContainText('¥48,000.00');
  await expect(page.getByTestId('milestones-total')).toHaveText('100 / 100');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('weights-total')).toHaveText('100 / 100');

  // Saving from a later step: the API refuses the sum and the wizard goes back to the criteria.
  await page.getByRole('button', { name: '保存草稿' }).click();
  const criteriaStep = page.getByTestId('step-criteria');
  await expect(criteriaStep).toBeVisible();
  await expect(criteriaStep.getByText('评审标准有误：当前合计 95，须为 100')).toBeVisible();
  await expect(page.getByTestId('step-weights')).toBeHidden();
  await picture(page, 'procurement-wizard');
  await page.getByTestId('criterion-4').getByLabel('权重（%）').fill('25');
  await expect(page.getByTestId('criteria-total')).toHaveText('100 / 100');
  await expect(criteriaStep.getByText(/评审标准有误/)).toHaveCount(0);

  // --- The bidding window, then publication.
  await page.getByRole('button', { name: '投标期限' }).click();
  const closing = closingMinute();
  const closesAt = wizard.getByLabel('投标截止时间（北京时间）');
  await closesAt.fill(closing.text);
  await closesAt.press('Enter');
  await page.getByRole('button', { name: '发布招标' }).click();
  await expect(page.getByText(`投标于 ${closing.text}（北京时间）截止`)).toBeVisible();
  await confirm(page, '发布招标');
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('招标中').first()).toBeVisible();
  // The overview shows the terms as the bidders' tender page does (one TenderTerms).
  await expect(page.getByText('1 人', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /价格\s*30%/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: '¥48,000.00' })).toBeVisible();
  const projectId = /\/procurement\/([0-9a-f-]{36})/.exec(page.url())![1];
  const published = await call<{ closesAt: string; criteria: { weight: number }[] }>(
    request,
    staff,
    'get',
    `/api/procurement/projects/${projectId}`,
  );
  expect(Date.parse(published.closesAt)).toBe(closing.at);
  expect(published.criteria.map((c) => c.weight)).toEqual([30, 15, 15, 15, 25]);

  // --- Bids through the API, before the deadline: one priced abnormally low.
  const bidBody = (priceFen: number, workers: number) => ({
    priceFen,
    proposal: `依托社区法律服务站的援助方案，报价 ${priceFen / 100} 元`,
    team: { certifiedSocialWorkers: workers, yearsOperating: 6, staffCount: 15 },
  });
  const high = await call<{ id: string }>(
    request,
    swo,
    'post',
    `/api/procurement/projects/${projectId}/bids`,
    bidBody(11_000_000, 6),
  );
  const low = await call<{ id: string }>(
    request,
    other,
    'post',
    `/api/procurement/projects/${projectId}/bids`,
    bidBody(6_000_000, 3),
  );

  // --- The panel, in the console.
  await page.getByRole('tab', { name: '评审小组' }).click();
  const panelForm = page.locator('form#panel');
  await panelForm.locator('.ant-select-selector').click();
  for (const name of ['evaluator1', 'evaluator2', 'evaluator3'])
    await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(name)).click();
  await page.keyboard.press('Escape');
  await panelForm.getByRole('button', { name: '保存评审小组' }).click();
  await expect(page.getByText('评审小组已保存')).toBeVisible();
  await page.getByRole('tab', { name: '投标' }).click();
  await expect(page.getByText('投标截止前投标内容密封，仅显示投标数：2')).toBeVisible();

  // --- Closing: staff close by hand once the deadline has passed (unless the matcher was first).
  await page.waitForTimeout(Math.max(0, closing.at - Date.now() + 1_000));
  await page.reload();
  // isVisible does not wait: let the page render before asking whether the button is there.
  await expect(page.getByRole('tab', { name: '投标' })).toBeVisible();
  const close = page.getByRole('button', { name: '截止投标' });
  if (await close.isVisible()) {
    await close.click();
    await confirm(page);
  }
  await expect(page.getByText('投标已截止').first()).toBeVisible();

  // --- Qualification.
  for (const bidId of [high.id, low.id]) {
    await page.getByTestId(`bid-${bidId}`).getByRole('button', { name: '资格通过' }).click();
    const dialog = page.getByRole('dialog', { name: /资格审查通过/ });
    await dialog.getByRole('button', { name: '资格通过' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`bid-${bidId}`).getByText('资格审查通过')).toBeVisible();
  }
  await page.getByRole('button', { name: '开始评审' }).click();
  await confirm(page);
  await expect(page.getByText('评审中').first()).toBeVisible();

  // --- The panel declares and scores through the API; evaluator3 is recused from the low bid
  // and scores the high bid's proposal 50 points under the others (a spread to moderate).
  const scores: Record<string, Record<string, number[]>> = {
    evaluator1: { [high.id]: [90, 90, 90, 90], [low.id]: [60, 62, 58, 61] },
    evaluator2: { [high.id]: [88, 86, 87, 92], [low.id]: [63, 60, 59, 64] },
    evaluator3: { [high.id]: [85, 84, 86, 40] },
  };
  for (const [name, bids] of Object.entries(scores)) {
    const evaluator = await token(request, name);
    await call(request, evaluator, 'post', `/api/procurement/projects/${projectId}/declarations`, {
      declarations: [
        { bidId: high.id, conflict: false },
        name === 'evaluator3'
          ? { bidId: low.id, conflict: true, note: '曾任该机构理事' }
          : { bidId: low.id, conflict: false },
      ],
    });
    for (const [bidId, values] of Object.entries(bids))
      await call(request, evaluator, 'post', `/api/bids/${bidId}/scores`, {
        scores: QUALITY.map((criterion, i) => ({ criterion, score: values[i] })),
      });
  }
  await page.getByRole('tab', { name: '评审小组' }).click();
  const declarations = page.getByTestId('declarations');
  await expect(declarations.getByText('存在冲突（回避）：曾任该机构理事')).toBeVisible();
  await expect(declarations.getByText('无利益冲突')).toHaveCount(5);

  // --- The ranking: flags as tags; the spread moderated, the low price justified.
  await page.getByRole('tab', { name: '排名' }).click();
  await expect(page.getByTestId('ranking-status')).toHaveText('待复核');
  const highRow = page.getByTestId(`ranking-${high.id}`);
  const lowRow = page.getByTestId(`ranking-${low.id}`);
  await expect(highRow.getByTestId('flags')).toHaveText('评分差异过大');
  await expect(lowRow.getByTestId('flags')).toHaveText('报价异常偏低');
  await page.getByRole('button', { name: '复核评分' }).click();
  const moderation = page.getByRole('dialog', { name: /复核“服务方案”评分/ });
  await moderation.getByLabel('复核意见').fill('专家三对服务方案的评分偏低，经合议维持平均分');
  await moderation.getByRole('button', { name: '复核评分' }).click();
  await expect(moderation).toBeHidden();
  await lowRow.getByRole('button', { name: '记录价格说明' }).click();
  const justification = page.getByRole('dialog', { name: /报价异常偏低的说明/ });
  await justification.getByLabel('说明').fill('机构自有法律志愿者团队承担部分服务，成本可控');
  await justification.getByRole('button', { name: '记录价格说明' }).click();
  await expect(justification).toBeHidden();
  await expect(page.getByTestId('ranking-status')).toHaveText('已排名');
  await expect(lowRow.getByTestId('justification')).toHaveText(
    '机构自有法律志愿者团队承担部分服务，成本可控',
  );

  // What the page shows is what the API ranks.
  const ranking = await call<{ status: string; entries: RankingEntry[] }>(
    request,
    staff,
    'get',
    `/api/procurement/projects/${projectId}/ranking`,
  );
  expect(ranking.status).toBe('ranked');
  for (const entry of ranking.entries) {
    const row = page.getByTestId(`ranking-${entry.bidId}`);
    await expect(row.getByTestId('rank')).toHaveText(String(entry.rank));
    await expect(row.getByTestId('total')).toHaveText(entry.total.toFixed(2));
    const flags = [
      entry.criteria.some((c) => c.spreadFlag) ? '评分差异过大' : '',
      entry.abnormallyLowPrice.flagged ? '报价异常偏低' : '',
    ].join('');
    await expect(row.getByTestId('flags')).toHaveText(flags);
  }
  const first = ranking.entries.find((e) => e.rank === 1)!;
  expect(first.bidId).toBe(high.id);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await picture(page, 'procurement-ranking');

  // --- The award to the top-ranked bid, with its justification.
  await page.getByRole('tab', { name: '授标' }).click();
  const awardForm = page.locator('form#award');
  await pick(page, awardForm, '中标投标', /^第 1 名 和平区阳光社会工作服务中心/);
  await awardForm.getByLabel('授标理由').fill('综合得分第一，服务方案完整可行');
  await awardForm.getByRole('button', { name: '确定授标' }).click();
  await confirm(page);
  await expect(page.getByText('已中标').first()).toBeVisible();
  await expect(page.getByTestId('awards')).toContainText('综合得分第一，服务方案完整可行');
  await expect(page.getByTestId('awards')).toContainText('和平区阳光社会工作服务中心');
  const awarded = await call<{ status: string; awards: { id: string; bidId: string }[] }>(
    request,
    staff,
    'get',
    `/api/procurement/projects/${projectId}`,
  );
  expect(awarded.status).toBe('awarded');
  expect(awarded.awards.map((a) => a.bidId)).toEqual([high.id]);

  // An award notice links to /awards/:id: staff land on the project's award tab, not the
  // bidders' tender page.
  await page.goto(`/awards/${awarded.awards[0].id}`);
  await expect(page).toHaveURL(new RegExp(`/procurement/${projectId}\\?tab=award$`));
  await expect(page.getByTestId('awards')).toContainText('和平区阳光社会工作服务中心');
});
