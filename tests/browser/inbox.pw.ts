import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import {
  assessedHousehold,
  get,
  type NeedProposals,
  type Proposal,
  proposalsFor,
  providerUsers,
  token,
} from './support/api';
import { login } from './support/login';

/** A page's picture: into ONEDOOR_SCREENSHOTS (e.g. docs/screenshots) when set, else /tmp. */
async function shot(page: Page, name: string, forDocs = true): Promise<void> {
  const dir = forDocs ? process.env.ONEDOOR_SCREENSHOTS : undefined;
  await page.screenshot({ path: dir ? `${dir}/${name}.png` : `/tmp/inbox-${name}.png` });
}

async function approve(
  request: APIRequestContext,
  officer: string,
  proposal: Proposal,
  consent: boolean,
): Promise<string> {
  const res = await request.post(`/api/matches/${proposal.id}/approve`, {
    headers: { authorization: officer },
    data: consent
      ? {
          consent: {
            given: true,
            by: '户主本人',
            method: 'in_person',
            at: new Date().toISOString(),
          },
        }
      : {},
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('a provider accepts and delivers a referral; the contact only under consent', async ({
  request,
  page,
}) => {
  test.setTimeout(180_000);
  const assessor = await token(request, 'assessor');
  const officer = await token(request, 'civil.street');
  const officerName = (await get<{ displayName: string }>(request, officer, '/api/auth/me'))
    .displayName;
  const suffix = randomInt(100_000, 999_999);
  const without = { name: `转介甲${suffix}`, phone: `136${randomInt(10_000_000, 99_999_999)}` };
  const withConsent = {
    name: `转介乙${suffix}`,
    phone: `137${randomInt(10_000_000, 99_999_999)}`,
    address: `幸福路 ${suffix} 号`,
  };
  const householdA = await assessedHousehold(request, assessor, without);
  const householdB = await assessedHousehold(request, assessor, withConsent);
  const needsA = await proposalsFor(request, officer, householdA);
  const needsB = await proposalsFor(request, officer, householdB);

  // Both households get a proposal of the same demo provider user's organization.
  const providers = await providerUsers(request);
  const ownerOf = async (p: Proposal) =>
    (await get<{ provider: { id: string } }>(request, officer, `/api/resources/${p.resourceId}`))
      .provider.id;
  const all = (needs: NeedProposals[]) => needs.flatMap((n) => n.proposals);
  let pickA: Proposal | undefined;
  let providerId: string | undefined;
  for (const p of all(needsA)) {
    const owner = await ownerOf(p);
    if (providers.has(owner)) {
      [pickA, providerId] = [p, owner];
      break;
    }
  }
  expect(pickA, 'a proposal from a demo provider user’s organization').toBeDefined();
  let pickB: Proposal | undefined;
  for (const p of all(needsB))
    if ((await ownerOf(p)) === providerId) {
      pickB = p;
      break;
    }
  expect(pickB, 'the second household: a proposal of the same organization').toBeDefined();
  const referralA = await approve(request, officer, pickA!, false);
  const referralB = await approve(request, officer, pickB!, true);

  // The provider's inbox: both are new, to accept, with their deadlines.
  await login(page, providers.get(providerId!)!);
  await page.getByRole('menuitem', { name: '转介待办' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  const rowA = page.getByRole('row', { name: new RegExp(without.name) });
  const rowB = page.getByRole('row', { name: new RegExp(withConsent.name) });
  await expect(rowA).toBeVisible();
  await expect(rowB).toBeVisible();
  await expect(rowB.getByText(/前接受/)).toBeVisible();
  await expect(rowB.getByText('待接受', { exact: true })).toBeVisible();
  await shot(page, 'inbox');

  // Accept the consented one from the list.
  await rowB.getByRole('button', { name: /接\s*受/ }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确认接受' }).click();
  await expect(page.getByText(/已接受，请在交付期限内完成服务/)).toBeVisible();
  await expect(rowB).toBeHidden();

  // It is now to deliver: record the delivery, the amount in yuan.
  await page.getByRole('tab', { name: /待交付/ }).click();
  await expect(page).toHaveURL(/\/inbox\?tab=deliver$/);
  const toDeliver = page.getByRole('row', { name: new RegExp(withConsent.name) });
  await expect(toDeliver.getByText('已接受')).toBeVisible();
  await toDeliver.getByRole('button', { name: '登记交付' }).click();
  const dialog = page.getByRole('dialog', { name: '登记交付' });
  await expect(dialog.getByLabel('交付数量')).toHaveValue('1');
  await dialog.getByLabel('交付金额（元）').fill('123.45');
  await dialog.getByRole('button', { name: '确认交付' }).click();
  await expect(page.getByText('已登记交付')).toBeVisible();
  await expect(toDeliver).toBeHidden();

  // The consented household's referral: delivered, ¥123.45, and its own contact.
  await page.goto(`/inbox/${referralB}`);
  await expect(page.getByTestId('referral-status')).toHaveText('已交付');
  await expect(page.getByTestId('delivered-amount')).toHaveText('¥123.45');
  const contactB = page.getByTestId('referral-contact');
  await expect(contactB.getByText(withConsent.phone)).toBeVisible();
  await expect(contactB.getByText(withConsent.address)).toBeVisible();
  await expect(contactB.getByText(/未同意/)).toHaveCount(0);
  await expect(page.getByText('服务机构已交付')).toBeVisible();

  // The other: no consent, so the officer to go through, and not the household's phone.
  await page.goto(`/inbox/${referralA}`);
  const contactA = page.getByTestId('referral-contact');
  await expect(
    contactA.getByText(`该家庭未同意向服务机构提供联系方式，请通过审批人 ${officerName} 联系。`),
  ).toBeVisible();
  await expect(page.getByText(without.phone)).toHaveCount(0);
  await expect(page.getByTestId('referral-status')).toHaveText('待接受');
  await shot(page, 'inbox-referral', false);

  // Declining asks for a reason, then the referral is declined.
  await page.getByRole('button', { name: /拒\s*绝/ }).click();
  const decline = page.getByRole('dialog', { name: '拒绝接受转介' });
  await decline.getByRole('button', { name: '确认拒绝' }).click();
  await expect(decline.getByText('请选择拒绝原因')).toBeVisible();
  await decline.getByLabel('拒绝原因').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('服务能力已满').click();
  await decline.getByRole('button', { name: '确认拒绝' }).click();
  await expect(page.getByText('已拒绝该转介')).toBeVisible();
  await expect(page.getByTestId('referral-status')).toHaveText('已拒绝');
});

test('a provider submits, pauses, resumes and withdraws its resource, and reads its history', async ({
  request,
  page,
}) => {
  const provider = await token(request, 'charity');
  const officer = await token(request, 'civil.street');
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    officer,
    '/api/areas?limit=100',
  );
  const street = areas.items.find((a) => a.code === 'DEMO-C-D1-S1')!;
  const title = `测试助餐券-${randomInt(100_000, 999_999)}`;
  const created = await request.post('/api/resources', {
    headers: { authorization: provider },
    data: {
      title,
      description: '为困难老人提供助餐服务',
      categoryCode: 'basic_living',
      form: 'in_kind',
      serviceLevel: 'street',
      coverageAreaId: street.id,
      capacity: 3,
      valuePerUnitFen: 12_345,
      validFrom: new Date().toISOString().slice(0, 10),
      eligibility: { all: [{ tier: { in: ['subsistence'] } }] },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await login(page, 'charity');
  await page.getByRole('menuitem', { name: '我的资源' }).click();
  await expect(page).toHaveURL(/\/provider\/resources$/);
  await page.getByRole('searchbox', { name: '按资源名称搜索' }).fill(title);
  await page.getByRole('searchbox', { name: '按资源名称搜索' }).press('Enter');
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row.getByText('草稿')).toBeVisible();
  await expect(row.getByText('¥123.45')).toBeVisible();
  await expect(row.getByTestId(`units-${id}`)).toHaveText('3 / 0 / 0 / 3');
  await expect(page.getByRole('button', { name: '新建资源' })).toHaveCount(0);

  // Submitted for review, then published by the officer (through the API).
  await row.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('已提交审核')).toBeVisible();
  await expect(row.getByText('待审核')).toBeVisible();
  const published = await request.post(`/api/resources/${id}/publish`, {
    headers: { authorization: officer },
    data: {},
  });
  expect(published.ok(), await published.text()).toBeTruthy();
  await page.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(row.getByText('已发布')).toBeVisible();
  await shot(page, 'provider-resources');

  // Pause, resume.
  await row.getByRole('button', { name: /暂\s*停/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /暂\s*停/ })
    .click();
  await expect(row.getByText('已暂停', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: '恢复发布' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '恢复发布' }).click();
  await expect(row.getByText('已发布')).toBeVisible();

  // Withdrawing asks a reason, then closes it for good.
  await row.getByRole('button', { name: /下\s*架/ }).click();
  const dialog = page.getByRole('dialog', { name: `下架“${title}”` });
  await dialog.getByRole('button', { name: /下\s*架/ }).click();
  await expect(dialog.getByText('请填写下架原因')).toBeVisible();
  await dialog.getByLabel('下架原因').fill('本季度助餐名额已另行安排');
  await dialog.getByRole('button', { name: /下\s*架/ }).click();
  await expect(row.getByText('已关闭')).toBeVisible();
  await expect(row.getByText('本季度助餐名额已另行安排')).toBeVisible();
  await expect(row.getByRole('button', { name: /暂\s*停|恢复发布|下\s*架/ })).toHaveCount(0);

  // Its history, oldest first.
  await row.getByRole('button', { name: '变更记录' }).click();
  const drawer = page.getByRole('dialog', { name: `“${title}”的变更记录` });
  for (const step of ['创建资源', '提交审核', '审核通过并发布', '恢复发布'])
    await expect(drawer.getByText(step, { exact: true }).first()).toBeVisible();
  await expect(drawer.getByText('本季度助餐名额已另行安排')).toBeVisible();
});

test('an organization admin edits its contact and opens an account for its organization', async ({
  page,
}) => {
  const suffix = randomInt(100_000, 999_999);
  await login(page, 'charity');
  await page.getByRole('menuitem', { name: '机构信息' }).click();
  await expect(page).toHaveURL(/\/provider\/organization$/);
  const contact = page.getByTestId('organization-contact');
  await expect(page.getByTestId('verification-status')).toBeVisible();

  // The contact, edited with the record's version.
  await page.getByRole('button', { name: '修改机构信息' }).click();
  const edit = page.getByRole('dialog', { name: '编辑机构信息' });
  await edit.getByLabel('联系人').fill(`周主任${suffix}`);
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await expect(contact.getByText(`周主任${suffix}`)).toBeVisible();
  await expect(edit).toBeHidden();
  await shot(page, 'organization');

  // Its users: the role and organization are fixed to its own.
  await page.getByRole('button', { name: '管理机构用户' }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole('cell', { name: 'charity', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await expect(dialog.getByText('服务机构人员')).toBeVisible();
  await expect(dialog.getByLabel('所属区域')).toHaveCount(0);
  await dialog.getByLabel('用户名').fill(`pw.charity.${suffix}`);
  await dialog.getByLabel('姓名').fill('慈善会志愿者');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('dialog', { name: /账号已创建/ })).toBeVisible();
});

test('a provider user who is not its organization admin is offered no users page', async ({
  page,
}) => {
  await login(page, 'enterprise');
  await expect(page.getByRole('menuitem', { name: '转介待办' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '机构信息' }).click();
  await expect(page.getByRole('button', { name: '修改机构信息' })).toHaveCount(0);
  await expect(page.getByText('请联系本机构管理员')).toBeVisible();
});
