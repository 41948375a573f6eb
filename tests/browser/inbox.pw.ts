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
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ONEDOOR_SCREENSHOTS;
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
  await shot(page, 'inbox-referral');

  // Declining asks for a reason, then the referral is declined.
  await page.getByRole('button', { name: /拒\s*绝/ }).click();
  const decline = page.getByRole('dialog', { name: '拒绝接受转介' });
  await decline.getByRole('button', { name: '确认拒绝' }).click();
  await expect(decline.getByText('请选择拒绝原因')).toBeVisible();
  await decline.getByLabel('拒绝原因').click();
  await page.getByRole('option').first().click();
  await decline.getByRole('button', { name: '确认拒绝' }).click();
  await expect(page.getByText('已拒绝该转介')).toBeVisible();
  await expect(page.getByTestId('referral-status')).toHaveText('已拒绝');
});
