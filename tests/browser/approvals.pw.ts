import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import {
  assessedHousehold,
  get,
  type Proposal,
  proposalsFor,
  providerUsers,
  token,
} from './support/api';
import { login } from './support/login';

/** A page's picture: into ONEDOOR_SCREENSHOTS (e.g. docs/screenshots) when set, else /tmp. */
async function shot(page: Page, name: string, forDocs = true): Promise<void> {
  const dir = forDocs ? process.env.ONEDOOR_SCREENSHOTS : undefined;
  await page.screenshot({ path: dir ? `${dir}/${name}.png` : `/tmp/c2-${name}.png` });
}

/** A valid unified social credit code (GB 32100) with a random organization code. */
function uscc(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let first17 = '51210102';
  for (let i = 0; i < 9; i += 1) first17 += alphabet[randomInt(0, 10)];
  const sum = [...first17].reduce((acc, ch, i) => acc + alphabet.indexOf(ch) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

test('an officer approves two of a household’s proposals with consent; the provider is told live', async ({
  request,
  browser,
}) => {
  // The matcher proposes in the background, and two consoles sign in: more than the default.
  test.setTimeout(180_000);
  const assessor = await token(request, 'assessor');
  const officer = await token(request, 'civil.street');
  const householdId = await assessedHousehold(request, assessor);

  // The matcher works in the background: wait for proposals on at least two needs.
  const needs = await proposalsFor(request, officer, householdId, 2);

  // Which provider users own the proposed resources: pick, for two needs, one proposal each,
  // at least one of them a resource of a demo provider user's organization.
  const providers = await providerUsers(request);
  const ownerOf = async (p: Proposal) =>
    providers.get(
      (await get<{ provider: { id: string } }>(request, officer, `/api/resources/${p.resourceId}`))
        .provider.id,
    );
  const picks: Proposal[] = [];
  let providerUser: string | undefined;
  for (const need of needs.filter((n) => n.proposals.length > 0)) {
    for (const p of need.proposals) {
      const owner = await ownerOf(p);
      if (owner && !providerUser) {
        providerUser = owner;
        picks.push(p);
        break;
      }
    }
  }
  expect(providerUser, 'a proposal from a demo provider user’s organization').toBeDefined();
  const other = needs.find(
    (n) => n.proposals.length > 0 && !n.proposals.some((p) => p.id === picks[0].id),
  )!;
  picks.push(other.proposals[0]);

  // The provider is already on the console, on the workbench.
  const providerContext = await browser.newContext();
  const providerPage = await providerContext.newPage();
  await login(providerPage, providerUser!);
  const bell = providerPage.getByTestId('notification-count');
  const before = Number((await bell.locator('.ant-scroll-number').getAttribute('title')) ?? 0);

  // The officer opens the queue (this household's cards), ticks the two, records consent.
  const officerContext = await browser.newContext();
  const page = await officerContext.newPage();
  await login(page, 'civil.street');
  await page.goto(`/approvals?household=${householdId}`);
  const card = page.getByTestId(`household-${householdId}`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('deadline-badge').first()).toBeVisible();
  for (const p of picks)
    await card
      .getByRole('checkbox', { name: `选择 ${p.resourceTitle}` })
      .first()
      .check();
  await card.getByRole('checkbox', { name: /家庭已同意/ }).check();
  await expect(card.getByLabel('同意人')).toHaveValue('户主本人');
  await shot(page, 'approvals');
  await card.getByRole('button', { name: /批准所选（2）/ }).click();

  const outcome = page.getByTestId('approval-outcome');
  await expect(outcome.getByText('已批准')).toHaveCount(2);
  await expect(outcome.getByRole('link', { name: /查看转介单/ })).toHaveCount(2);
  const referralHref = await outcome
    .getByRole('link', { name: /查看转介单/ })
    .first()
    .getAttribute('href');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();

  // A proposal of the third need is rejected with a reason.
  const third = needs.find(
    (n) => n.proposals.length > 0 && !n.proposals.some((p) => picks.some((q) => q.id === p.id)),
  );
  expect(third, 'a third need with proposals').toBeDefined();
  await card
    .getByRole('row', { name: new RegExp(third!.proposals[0].resourceTitle) })
    .getByRole('button', { name: /驳\s*回/ })
    .click();
  const rejectDialog = page.getByRole('dialog', { name: /驳回匹配建议/ });
  await rejectDialog.getByRole('button', { name: /确认驳回/ }).click();
  await expect(rejectDialog.getByText('请填写驳回理由')).toBeVisible();
  await rejectDialog.getByLabel('驳回理由').fill('家庭已通过其他渠道获得同类救助');
  await rejectDialog.getByRole('button', { name: /确认驳回/ }).click();
  await expect(page.getByText('已驳回该匹配建议')).toBeVisible();

  // Without reloading, the provider's console shows the new referral: a toast and the bell.
  await expect(providerPage.getByText(/新消息/).first()).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => Number((await bell.locator('.ant-scroll-number').getAttribute('title')) ?? 0))
    .toBeGreaterThan(before);

  // The referral it opened: status, the consent as recorded, the decision snapshot, the history.
  expect(referralHref).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
  await page.goto(referralHref!);
  await expect(page.getByText('户主本人')).toBeVisible();
  await expect(page.getByText('当面同意')).toBeVisible();
  await expect(page.getByText('审批决策快照')).toBeVisible();
  await expect(page.getByText('审批通过，转介给服务机构')).toBeVisible();
  await shot(page, 'referral-detail', false);
  await page.goto('/referrals');
  await expect(page.getByRole('columnheader', { name: '当前办理期限' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await shot(page, 'referrals');

  await officerContext.close();
  await providerContext.close();
});

test('an officer reviews a submitted resource: value in yuan, rules in Chinese, publish after confirming', async ({
  request,
  page,
}) => {
  const provider = await token(request, 'charity');
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    await token(request, 'civil.street'),
    '/api/areas?limit=100',
  );
  const street = areas.items.find((a) => a.code === 'DEMO-C-D1-S1')!;
  const title = `测试冬衣-${randomInt(100_000, 999_999)}`;
  const created = await request.post('/api/resources', {
    headers: { authorization: provider },
    data: {
      title,
      description: '为困难家庭提供冬季棉衣',
      categoryCode: 'basic_living',
      form: 'in_kind',
      serviceLevel: 'street',
      coverageAreaId: street.id,
      capacity: 1,
      valuePerUnitFen: 12_345,
      validFrom: new Date().toISOString().slice(0, 10),
      eligibility: { all: [{ tier: { in: ['subsistence'] } }, { householdSize: { min: 2 } }] },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const submitted = await request.post(`/api/resources/${id}/submit`, {
    headers: { authorization: provider },
    data: {},
  });
  expect(submitted.ok(), await submitted.text()).toBeTruthy();

  await login(page, 'civil.street');
  await page.goto('/resources/review');
  await page.getByLabel('按资源名称搜索').fill(title);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await shot(page, 'resource-review');
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/resources/${id}$`));
  await expect(page.getByText('¥123.45')).toBeVisible();
  await expect(page.getByTestId('eligibility-text')).toHaveText('家庭类别为低保；家庭人口≥2人');
  await shot(page, 'resource-detail', false);
  await page.getByRole('button', { name: '审核通过并发布' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '审核通过并发布' }).click();
  await expect(page.getByText('资源已发布')).toBeVisible();
  await expect(page.getByText('已发布', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '审核通过并发布' })).toHaveCount(0);
});

test('an officer approves an organization and is shown its set-password link once', async ({
  request,
  page,
}) => {
  const district = await token(request, 'civil.district');
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    district,
    '/api/areas?limit=100',
  );
  const home = areas.items.find((a) => a.code === 'DEMO-C-D1')!;
  const suffix = randomInt(100_000, 999_999);
  const name = `测试公益服务中心${suffix}`;
  // The form needs no login and is limited per address: each run comes from its own address.
  const applied = await request.post('/api/provider-applications', {
    headers: {
      'x-forwarded-for': `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`,
    },
    data: {
      uscc: uscc(),
      name,
      kind: 'social_work_org',
      homeAreaId: home.id,
      address: '和平路 8 号',
      contactName: '李明',
      contactPhone: '13800138000',
      contactEmail: `li.ming.${suffix}@example.org`,
      username: `org-${suffix}`,
    },
  });
  expect(applied.status(), await applied.text()).toBe(201);

  await login(page, 'civil.district');
  await page.goto('/applications');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await shot(page, 'applications');
  await page.getByRole('link', { name }).click();
  // The detail gives the contact in full.
  await expect(page.getByText('13800138000')).toBeVisible();
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '审核通过' }).click();
  const dialog = page.getByRole('dialog', { name: '机构账号已开通' });
  await expect(dialog.getByText(/仅显示这一次/)).toBeVisible();
  const link = dialog.getByTestId('set-password-link');
  await expect(link).toContainText(/\/set-password\?token=[^&]+&username=org-\d+/);
  await expect(dialog.getByRole('button', { name: '复制链接' })).toBeVisible();
  await shot(page, 'application-approved', false);
  await dialog.getByRole('button', { name: /我已复制/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已通过', { exact: true })).toBeVisible();
});
