import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { call, me, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';
import {
  appointPanel,
  biddingClosed,
  CRITERIA,
  EVALUATORS,
  PDF,
  publishedProject,
} from './support/procurement';
import { confirm } from './support/ui';

/**
 * Contracts in the console, on contracts the tests make through the API (a unique title each
 * run): tendered, bid by the demo social-work organization `swo`, scored, awarded and accepted.
 * Bidding has to close for real (the stack runs with PROCUREMENT_MIN_BIDDING_HOURS=0; the
 * project closes a few seconds after it is published). Every evaluation here passes, so `swo`
 * is never suspended from bidding by these tests.
 */

const EVIDENCE_NAME = '节点验收报告.pdf';

interface Milestone {
  id: string;
  seq: number;
  outcome: string;
  paymentStatus: 'none' | 'waiting' | 'paid';
  payableFen: number | null;
}
interface Contract {
  id: string;
  projectId: string;
  milestones: Milestone[];
  evaluations: { id: string; status: string }[];
}

const userId = async (request: APIRequestContext, auth: string) => (await me(request, auth)).id;

/** A signed contract of the district with `swo`: ¥110,000, milestones of 40% and 60%. */
async function signedContract(request: APIRequestContext, title: string): Promise<Contract> {
  const staff = await token(request, 'civil.district');
  const swo = await token(request, 'swo');
  const published = await publishedProject(request, staff, title, 4_000, { milestones: true });
  const project = `/api/procurement/projects/${published.id}`;
  const bid = await call<{ id: string }>(request, swo, 'post', `${project}/bids`, {
    priceFen: 11_000_000,
    proposal: '社区法律服务站与社工个案跟进相结合的法律援助方案',
    team: { certifiedSocialWorkers: 6, yearsOperating: 8, staffCount: 20 },
  });
  await biddingClosed(request, staff, published.id);
  await call(request, staff, 'post', `/api/bids/${bid.id}/qualify`, {});
  await appointPanel(request, staff, published.id);
  const panel = await Promise.all(EVALUATORS.map((name) => token(request, name)));
  await call(request, staff, 'post', `${project}/start-evaluation`, {});
  for (const auth of panel) {
    await call(request, auth, 'post', `${project}/declarations`, {
      declarations: [{ bidId: bid.id, conflict: false }],
    });
    await call(request, auth, 'post', `/api/bids/${bid.id}/scores`, {
      scores: CRITERIA.slice(1).map((c) => ({ criterion: c.code, score: 85 })),
    });
  }
  const awarded = await call<{ awards: { id: string }[] }>(
    request,
    staff,
    'post',
    `${project}/award`,
    { bidId: bid.id, justification: '唯一合格投标，综合得分合格，报价低于预算' },
  );
  await call(request, swo, 'post', `/api/procurement/awards/${awarded.awards[0].id}/accept`, {});
  const mine = await call<{ items: { id: string; projectId: string }[] }>(
    request,
    swo,
    'get',
    '/api/contracts?limit=100',
  );
  const { id } = mine.items.find((c) => c.projectId === published.id)!;
  return call<Contract>(request, staff, 'get', `/api/contracts/${id}`);
}

/** The government (the district's officer), third-party and recipient evaluators. */
async function evaluators(request: APIRequestContext) {
  return Promise.all(['civil.district', 'evaluator1', 'evaluator2'].map((n) => token(request, n)));
}

/** Each evaluator's four dimension scores (80+: the evaluation passes, payments are released). */
async function scoreAll(request: APIRequestContext, evaluationId: string) {
  for (const [i, auth] of (await evaluators(request)).entries()) {
    await call(request, auth, 'post', `/api/evaluations/${evaluationId}/scores`, {
      administrativeSupervision: 85 + i,
      serviceOutcomes: 82,
      projectManagement: 80 + i,
      socialImpact: 84,
    });
  }
}

/** Chooses an option of a select; a multiple select's list is closed by clicking the title. */
async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).click();
  await page.locator('.ant-modal-title').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('staff record a milestone with a PDF, open and complete an evaluation, and the payment goes from waiting to paid as the API says', async ({
  page,
  request,
}) => {
  const title = `社区法律援助服务合同${randomBytes(3).toString('hex')}`;
  const contract = await signedContract(request, title);
  const staff = await token(request, 'civil.district');
  const fromApi = () => call<Contract>(request, staff, 'get', `/api/contracts/${contract.id}`);

  await login(page, 'civil.district');
  await page.getByRole('menuitem', { name: '合同' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('和平区阳光社会工作服务中心');
  await expect(row).toContainText('¥110,000.00');
  await expect(row).toContainText('2027-01-01 ~ 2027-12-31');
  await expect(row).toContainText('履行中');
  await expect(row).toContainText('2027-03-31');
  await row.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // Milestone 1: met, with a PDF; no evaluation yet, so the payment waits.
  const m1 = page.getByTestId('milestone-1');
  await expect(m1).toContainText('¥44,000.00');
  await m1.getByRole('button', { name: /^验\s*收$/ }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: '节点验收' });
  await modal.getByRole('radio', { name: '已达成' }).check();
  await modal.getByLabel('验收说明').fill('完成 30 户需求评估，服务计划经街道备案');
  await modal
    .locator('input[type=file]')
    .setInputFiles({ name: EVIDENCE_NAME, mimeType: 'application/pdf', buffer: PDF });
  await modal.getByRole('button', { name: '提交验收' }).click();
  await expect(modal).toBeHidden();
  await expect(m1).toContainText('已达成');
  await expect(m1.getByRole('button', { name: EVIDENCE_NAME })).toBeVisible();
  expect((await fromApi()).milestones[0].paymentStatus).toBe('waiting');
  await expect(m1).toContainText('待支付');
  const payments = page.getByTestId('payments');
  await expect(payments.getByRole('row').filter({ hasText: '待支付' })).toContainText('¥44,000.00');

  // A mid-term evaluation with one evaluator of each type.
  await page.getByRole('button', { name: '发起绩效评估' }).click();
  const open = page.locator('.ant-modal').filter({ hasText: '发起绩效评估' });
  await pick(page, '评估类型', '中期评估');
  await pick(page, '政府评估人', '和平区民政局（民政工作人员）');
  await pick(page, '第三方专家', '评估专家一（第三方专家）');
  await pick(page, '受助对象代表', '评估专家二（受助对象代表）');
  await open.getByRole('button', { name: /^发\s*起$/ }).click();
  await expect(open).toBeHidden();
  await expect(page.getByText('已提交 0/3')).toBeVisible();
  const [evaluation] = (await fromApi()).evaluations;
  expect(evaluation.status).toBe('open');

  // The evaluators score (through the API); the staff complete it beside the evidence.
  await scoreAll(request, evaluation.id);
  await page.reload();
  const card = page.getByTestId(`evaluation-${evaluation.id}`);
  await expect(card.getByTestId('evidence')).toContainText('转介总数');
  await expect(card.getByText('已提交 3/3')).toBeVisible();
  await card.getByRole('button', { name: '完成评估' }).click();
  await confirm(page);
  await expect(card).toContainText('良好');
  const after = await fromApi();
  expect(after.milestones[0].paymentStatus).toBe('paid');
  await expect(m1).toContainText('已支付');
  await expect(payments.getByRole('row').filter({ hasText: '已支付' })).toContainText('¥44,000.00');
  await expect(page.getByTestId('payments-total')).toContainText('已支付合计 ¥44,000.00');
  // The picture from the top, without toasts (live notices keep arriving for a while).
  await page.addStyleTag({
    content: '.ant-notification, .ant-message { display: none !important; }',
  });
  await page.evaluate('window.scrollTo(0, 0)');
  await picture(page, 'contract');
});

/** A second signed-in `swo` page (another tab of the organization), for a stale form. */
async function secondPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const other = await context.newPage();
  await login(other, 'swo');
  return other;
}

test('the organization sees its milestone, downloads the evidence and comments once within the window', async ({
  page,
  request,
  browser,
}) => {
  const title = `困难家庭法律援助合同${randomBytes(3).toString('hex')}`;
  const contract = await signedContract(request, title);
  const staff = await token(request, 'civil.district');
  const base = `/api/contracts/${contract.id}/milestones/${contract.milestones[0].id}`;
  await call(request, staff, 'post', `${base}/outcome`, {
    outcome: 'met',
    evidence: '完成需求评估与服务计划',
  });
  const uploaded = await request.post(`${base}/files`, {
    headers: { authorization: staff },
    multipart: { file: { name: EVIDENCE_NAME, mimeType: 'application/pdf', buffer: PDF } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const [gov, expert, resident] = await Promise.all(
    (await evaluators(request)).map((auth) => userId(request, auth)),
  );
  const opened = await call<Contract>(
    request,
    staff,
    'post',
    `/api/contracts/${contract.id}/evaluations`,
    {
      kind: 'mid_term',
      evaluators: [
        { userId: gov, type: 'government' },
        { userId: expert, type: 'third_party' },
        { userId: resident, type: 'recipient_representative' },
      ],
    },
  );
  const evaluationId = opened.evaluations[0].id;
  await scoreAll(request, evaluationId);
  await call(request, staff, 'post', `/api/evaluations/${evaluationId}/complete`, {});

  await login(page, 'swo');
  await page.getByRole('menuitem', { name: '合同' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const m1 = page.getByTestId('milestone-1');
  await expect(m1).toContainText('完成需求评估与服务计划');
  await expect(m1).toContainText('已支付');
  // The organization reads; it does not record outcomes or upload.
  await expect(page.getByRole('button', { name: /^验\s*收$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '上传佐证' })).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await m1.getByRole('button', { name: EVIDENCE_NAME }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(EVIDENCE_NAME);
  const { readFile } = await import('node:fs/promises');
  expect((await readFile(await download.path())).subarray(0, 8).toString()).toBe('%PDF-1.4');

  // Another tab of the organization has the form open too, before anyone comments.
  const stale = await secondPage(browser);
  await stale.goto(`/contracts/${contract.id}`);
  await expect(stale.getByLabel('我方意见')).toBeVisible();

  const box = page.getByTestId(`comment-${evaluationId}`);
  await expect(box).toContainText('意见反馈截止');
  await box.getByLabel('我方意见').fill('中期服务对象流动较大，已调整入户频次');
  await box.getByRole('button', { name: '提交意见' }).click();
  await confirm(page);
  await expect(box).toContainText('中期服务对象流动较大，已调整入户频次');
  await expect(box).toContainText('提交于');
  await expect(box.getByLabel('我方意见')).toHaveCount(0);

  // The second comment is refused with the API's message, and the first one stands.
  await stale.getByLabel('我方意见').fill('改为另一条意见');
  await stale.getByRole('button', { name: '提交意见' }).click();
  await confirm(stale);
  await expect(stale.getByText('机构意见已提交，不能再次提交')).toBeVisible();
  await expect(stale.getByTestId(`comment-${evaluationId}`)).toContainText(
    '中期服务对象流动较大，已调整入户频次',
  );
  await stale.context().close();
  const again = await request.post(`/api/evaluations/${evaluationId}/comment`, {
    headers: { authorization: await token(request, 'swo') },
    data: { comment: '再次提交' },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe('COMMENT_ALREADY_GIVEN');
});

test('after the comment window the page shows it closed with its end time, and no form', async ({
  page,
  request,
}) => {
  // The real clock cannot pass 14 days here: the seeded contract's evaluation is answered as the
  // API would answer it after the window (commentDueAt past, no comment), the page reading only that.
  const swo = await token(request, 'swo');
  const mine = await call<{ items: { id: string; title: string }[] }>(
    request,
    swo,
    'get',
    '/api/contracts?limit=100',
  );
  const seeded = mine.items.find((c) => c.title === '和平区社区法律援助服务项目')!;
  const due = '2026-11-20T02:30:00.000Z';
  await page.route(`**/api/contracts/${seeded.id}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as {
      evaluations: { commentDueAt: string | null; providerComment: string | null }[];
    };
    for (const e of body.evaluations)
      Object.assign(e, { commentDueAt: due, providerComment: null });
    await route.fulfill({ response, json: body });
  });
  await login(page, 'swo');
  await page.goto(`/contracts/${seeded.id}`);
  await expect(page.getByText('意见反馈期已于 2026-11-20 10:30 结束').first()).toBeVisible();
  await expect(page.getByLabel('我方意见')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交意见' })).toHaveCount(0);
});
