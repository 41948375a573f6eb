import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { call, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';
import {
  biddingClosed,
  CRITERIA,
  EVALUATORS,
  PDF,
  type Project,
  publishedProject,
} from './support/procurement';

/**
 * A social-work organization's bids, on projects each test makes through the API as staff
 * (create, panel, publish; a unique title each run). Bidding closes for real: the stack runs
 * with PROCUREMENT_MIN_BIDDING_HOURS=0, so a project may close a minute after publication.
 */

const PROPOSAL = `社区法律援助服务方案${randomBytes(2).toString('hex')}`;
/** Every role but the bidder: before close none may see the files, admin included. */
const OTHERS = ['admin', 'civil.district', 'civil.street', 'evaluator1', 'charity', 'assessor'];

/** The panel is appointed before publication here. */
const PANEL = { panel: true };
/** This file's patience with the close: up to two minutes, polling every 2 s. */
const SLOW = { timeout: 120_000, interval: 2_000 };

const apiBid = (request: APIRequestContext, swo: string, projectId: string, priceFen: number) =>
  call<{ id: string }>(request, swo, 'post', `/api/procurement/projects/${projectId}/bids`, {
    priceFen,
    proposal: PROPOSAL,
    team: { certifiedSocialWorkers: 6, yearsOperating: 8, staffCount: 20 },
  });

/** Signs the current user out (the refresh cookie is the session) and signs `username` in. */
async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username);
}

test('a social-work organization bids with a PDF; sealed from every other role until close, then the panel downloads the same bytes', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const title = `社区法律援助投标测试${randomBytes(3).toString('hex')}`;
  const staff = await token(request, 'civil.district');
  // Long enough for the bid below, short enough to wait for.
  const project = await publishedProject(request, staff, title, 60_000, PANEL);

  await login(page, 'swo');
  await page.goto(`/tenders/${project.id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const card = page.getByTestId('my-bid');
  await expect(card.getByText('投标截止前投标内容密封，仅本机构可见。')).toBeVisible();
  const form = card.locator('form#bid');
  // Above the ¥120,000 ceiling first: the API's refusal shows beside the price.
  await form.getByLabel('投标报价（元）').fill('130000');
  await form.getByLabel('持证社工人数').fill('6');
  await form.getByLabel('机构成立年限（年）').fill('8');
  await form.getByLabel('机构员工总数').fill('20');
  await form.getByLabel('服务方案').fill(PROPOSAL);
  await form
    .locator('input[type=file]')
    .setInputFiles({ name: '服务方案.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(form.getByText('服务方案.pdf')).toBeVisible();
  await form.getByRole('button', { name: '提交投标' }).click();
  await expect(
    form
      .locator('.ant-form-item')
      .filter({ hasText: '投标报价（元）' })
      .locator('.ant-form-item-explain-error'),
  ).toContainText('预算');
  await form.getByLabel('投标报价（元）').fill('110000.5');
  await card.scrollIntoViewIfNeeded();
  await picture(page, 'tender-bid');
  await form.getByRole('button', { name: '提交投标' }).click();

  // The bid, its status and its file, listed back by the API.
  const live = card.getByTestId('live-bid');
  await expect(live.getByText('已提交')).toBeVisible();
  await expect(live).toContainText('¥110,000.50');
  await expect(card.getByRole('cell', { name: '服务方案.pdf', exact: true })).toBeVisible();
  // A file that is no PDF whatever its name: the API's 415 text is shown.
  await card
    .locator('input[type=file]')
    .setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello') });
  await expect(card.getByTestId('upload-error')).toContainText('说明.pdf');
  await expect(card.getByRole('cell', { name: '说明.pdf', exact: true })).toHaveCount(0);

  // Sealed: every other role, admin included, neither lists nor downloads the file.
  const swo = await token(request, 'swo');
  const { bids } = await call<{ bids: { id: string; status: string }[] }>(
    request,
    swo,
    'get',
    `/api/procurement/projects/${project.id}/bids`,
  );
  const bidId = bids.find((b) => b.status === 'submitted')!.id;
  const { items } = await call<{ items: { id: string; name: string }[] }>(
    request,
    swo,
    'get',
    `/api/bids/${bidId}/files`,
  );
  expect(items.map((f) => f.name)).toEqual(['服务方案.pdf']);
  const fileUrl = `/api/bids/${bidId}/files/${items[0].id}`;
  expect((await request.get(fileUrl, { headers: { authorization: swo } })).status()).toBe(200);
  for (const username of OTHERS) {
    const auth = await token(request, username);
    for (const url of [`/api/bids/${bidId}/files`, fileUrl]) {
      const status = (await request.get(url, { headers: { authorization: auth } })).status();
      expect([403, 404], `${username} GET ${url}: ${status}`).toContain(status);
    }
  }
  expect(Date.now(), 'the checks above ran before bidding closed').toBeLessThan(
    Date.parse(project.closesAt),
  );

  // After close the panel reads it: evaluator1 downloads it from the panel page.
  await biddingClosed(request, staff, project.id, SLOW);
  await switchUser(page, 'evaluator1');
  await page.goto(`/tasks/projects/${project.id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const files = page.getByTestId(`bid-files-${bidId}`);
  await expect(files.getByRole('cell', { name: '服务方案.pdf', exact: true })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    files.getByRole('button', { name: '下载 服务方案.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('服务方案.pdf');
  expect((await readFile(await download.path())).equals(PDF)).toBe(true);
});

test('a social-work organization replaces its bid (the files go with it) and withdraws it', async ({
  page,
  request,
}) => {
  const title = `困境儿童关爱投标测试${randomBytes(3).toString('hex')}`;
  const staff = await token(request, 'civil.district');
  const project = await publishedProject(request, staff, title, 40 * 24 * 3_600_000, PANEL);
  const swo = await token(request, 'swo');
  const bid = await apiBid(request, swo, project.id, 10_000_000);
  const upload = await request.post(`/api/bids/${bid.id}/files`, {
    headers: { authorization: swo },
    multipart: { file: { name: '资质证明.pdf', mimeType: 'application/pdf', buffer: PDF } },
  });
  expect(upload.status(), await upload.text()).toBe(201);

  await login(page, 'swo');
  await page.goto(`/tenders/${project.id}`);
  const card = page.getByTestId('my-bid');
  await expect(card.getByTestId('live-bid')).toContainText('¥100,000.00');
  await card.getByRole('button', { name: '修改投标' }).click();
  const form = card.locator('form#bid');
  await expect(form.getByLabel('服务方案')).toHaveValue(PROPOSAL);
  await form.getByLabel('投标报价（元）').fill('95000');
  await form.getByRole('button', { name: '提交修改' }).click();

  // The new version is live with the file carried; the old one is on record as replaced.
  await expect(card.getByTestId('live-bid')).toContainText('¥95,000.00');
  await expect(card.getByRole('cell', { name: '资质证明.pdf', exact: true })).toBeVisible();
  const versions = card.getByTestId('bid-versions');
  await expect(versions.getByRole('row', { name: /¥100,000\.00\s*已被替换/ })).toBeVisible();
  await expect(versions.getByRole('row', { name: /¥95,000\.00\s*已提交/ })).toBeVisible();

  await card.getByRole('button', { name: '撤回投标' }).click();
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toContainText('确定撤回投标？');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(card.getByTestId('live-bid')).toHaveCount(0);
  await expect(versions.getByRole('row', { name: /¥95,000\.00\s*已撤回/ })).toBeVisible();
  // Still open: the form is offered again.
  await expect(card.getByRole('button', { name: '提交投标' })).toBeVisible();
  const { bids } = await call<{ bids: { status: string }[] }>(
    request,
    swo,
    'get',
    `/api/procurement/projects/${project.id}/bids`,
  );
  expect(bids.map((b) => b.status).sort()).toEqual(['replaced', 'withdrawn']);
});

/**
 * A project taken through the API to an award for the demo social-work organization's lone
 * bid: close, qualify, the panel declares and scores, staff award.
 */
async function awardedProject(request: APIRequestContext, staff: string, title: string) {
  const project = await publishedProject(request, staff, title, 3_000, PANEL);
  const swo = await token(request, 'swo');
  const bid = await apiBid(request, swo, project.id, 11_000_000);
  await biddingClosed(request, staff, project.id, SLOW);
  await call(request, staff, 'post', `/api/bids/${bid.id}/qualify`, {});
  await call(
    request,
    staff,
    'post',
    `/api/procurement/projects/${project.id}/start-evaluation`,
    {},
  );
  for (const name of EVALUATORS) {
    const evaluator = await token(request, name);
    await call(request, evaluator, 'post', `/api/procurement/projects/${project.id}/declarations`, {
      declarations: [{ bidId: bid.id, conflict: false }],
    });
    await call(request, evaluator, 'post', `/api/bids/${bid.id}/scores`, {
      scores: CRITERIA.slice(1).map((c) => ({ criterion: c.code, score: 80 })),
    });
  }
  const awarded = await call<Project & { awards: { id: string; respondBy: string }[] }>(
    request,
    staff,
    'post',
    `/api/procurement/projects/${project.id}/award`,
    { bidId: bid.id, justification: '唯一合格投标，综合得分最高' },
  );
  return { project, award: awarded.awards[0] };
}

test('a social-work organization reaches its award by /awards/:id (where award notices link), declines one with a reason and accepts another', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = randomBytes(3).toString('hex');
  const staff = await token(request, 'civil.district');
  const first = await awardedProject(request, staff, `社区矫正帮扶服务项目${suffix}`);
  const second = await awardedProject(request, staff, `困难老人探访服务项目${suffix}`);

  await login(page, 'swo');
  // An award notice links to /awards/:id (noticeLink), which opens the project's page. (The
  // notice itself comes through the outbox relay, whose pace this test does not wait for.)
  await page.goto(`/awards/${first.award.id}`);
  await expect(page).toHaveURL(new RegExp(`/tenders/${first.project.id}$`));
  const card = page.getByTestId('award');
  await expect(card.getByText('待确认').first()).toBeVisible();
  await expect(card.getByTestId('award-value')).toHaveText('¥110,000.00');
  const due = new Date(Date.parse(first.award.respondBy) + 8 * 3_600_000).toISOString();
  await expect(card.getByTestId('award-respond-by')).toHaveText(
    `${due.slice(0, 10)} ${due.slice(11, 16)}`,
  );
  await card.getByRole('button', { name: '放弃中标' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '放弃中标' }).click();
  await expect(dialog.getByText('请填写放弃理由')).toBeVisible();
  await dialog.getByLabel('放弃理由').fill('项目人员已全部投入其他服务');
  await dialog.getByRole('button', { name: '放弃中标' }).click();
  await expect(card.getByText('已放弃').first()).toBeVisible();
  await expect(card).toContainText('项目人员已全部投入其他服务');
  await expect(card.getByRole('button', { name: '接受中标' })).toHaveCount(0);

  await page.goto(`/awards/${second.award.id}`);
  await expect(page).toHaveURL(new RegExp(`/tenders/${second.project.id}$`));
  await card.getByRole('button', { name: '接受中标' }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('确定接受中标？');
  await confirm.getByRole('button', { name: /确\s*定/ }).click();
  await expect(card.getByText('已接受').first()).toBeVisible();

  const [a, b] = await Promise.all(
    [first, second].map((x) =>
      call<{ awards: { status: string; declineReason: string | null }[]; status: string }>(
        request,
        staff,
        'get',
        `/api/procurement/projects/${x.project.id}`,
      ),
    ),
  );
  expect(a.awards[0]).toMatchObject({
    status: 'declined',
    declineReason: '项目人员已全部投入其他服务',
  });
  expect(b.awards[0].status).toBe('accepted');
});
