import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/login';

const DAY = 86_400_000;

async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
  return `Bearer ${(await res.json()).accessToken}`;
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.ok(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

type Area = { id: string; name: string; parentId: string | null };

/** The demo district's first community, with its street and district (public list). */
async function someCommunity(request: APIRequestContext) {
  const list = async (level: string) =>
    (await ok<{ items: Area[] }>(await request.get(`/api/public/areas?level=${level}&limit=100`)))
      .items;
  const [districts, streets, communities] = await Promise.all(
    ['district', 'street', 'community'].map(list),
  );
  const community = communities[0];
  const street = streets.find((s) => s.id === community.parentId)!;
  const district = districts.find((d) => d.id === street.parentId)!;
  return { district, street, community };
}

/** A legal-aid resource of the demo charity covering `communityId`, published by the district. */
async function publishedResource(request: APIRequestContext, communityId: string, title: string) {
  const charity = await tokenOf(request, 'charity');
  const staff = await tokenOf(request, 'civil.district');
  const created = await ok<{ id: string }>(
    await request.post('/api/resources', {
      headers: { Authorization: charity },
      data: {
        title,
        description: '为困难群众提供免费法律咨询与代理',
        categoryCode: 'legal_aid',
        form: 'service',
        serviceLevel: 'community',
        coverageAreaId: communityId,
        capacity: 20,
        validFrom: '2026-01-01',
        validUntil: '2099-12-31',
      },
    }),
  );
  await ok(
    await request.post(`/api/resources/${created.id}/submit`, {
      headers: { Authorization: charity },
      data: {},
    }),
  );
  await ok(
    await request.post(`/api/resources/${created.id}/publish`, {
      headers: { Authorization: staff },
      data: {},
    }),
  );
}

/** A tender published by the district, still open, with one sealed bid from the demo SWO. */
async function openTenderWithBid(request: APIRequestContext, areaId: string, title: string) {
  const staff = await tokenOf(request, 'civil.district');
  const project = await ok<{ id: string }>(
    await request.post('/api/procurement/projects', {
      headers: { Authorization: staff },
      data: {
        title,
        categoryCode: 'care',
        areaId,
        budgetFen: 30_000_000,
        targetHouseholds: 60,
        serviceStart: '2027-01-01',
        serviceEnd: '2027-12-31',
        description: '为辖区独居老人提供上门照护与探访服务',
        requirements: { minCertifiedSocialWorkers: 2, minYearsOperating: 1 },
        criteria: [
          { code: 'professional_qualification', name: '专业资质', weight: 20 },
          { code: 'internal_governance', name: '内部治理', weight: 10 },
          { code: 'human_resources', name: '人力资源', weight: 15 },
          { code: 'service_proposal', name: '服务方案', weight: 25 },
          { code: 'price', name: '价格', weight: 30 },
        ],
      },
    }),
  );
  await ok(
    await request.post(`/api/procurement/projects/${project.id}/publish`, {
      headers: { Authorization: staff },
      data: { closesAt: new Date(Date.now() + 30 * DAY).toISOString() },
    }),
  );
  const swo = await tokenOf(request, 'swo');
  await ok(
    await request.post(`/api/procurement/projects/${project.id}/bids`, {
      headers: { Authorization: swo },
      data: {
        priceFen: 12_345_678,
        proposal: '上门照护服务方案',
        team: { certifiedSocialWorkers: 5, yearsOperating: 6, staffCount: 12 },
        attachments: [{ name: '方案.pdf', mediaType: 'application/pdf', sizeBytes: 20480 }],
      },
    }),
  );
  return project.id;
}

async function pickOption(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test('without signing in, the resource directory renders and filters by area and category', async ({
  page,
  request,
}) => {
  const { district, street, community } = await someCommunity(request);
  const title = `公益法律服务${randomBytes(3).toString('hex')}`;
  await publishedResource(request, community.id, title);

  await page.goto('/login');
  await page.getByRole('link', { name: '救助资源目录' }).click();
  await expect(page.getByRole('heading', { name: '救助资源目录' })).toBeVisible();
  await expect(page.getByTestId('resource-card').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();

  await pickOption(page, '资源类别', '法律援助');
  await page.getByLabel('所在地区').click();
  for (const name of [district.name, street.name, community.name]) {
    await page.locator('.ant-cascader-dropdown:visible').getByText(name, { exact: true }).click();
  }
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/category=legal_aid/);
  await expect(page).toHaveURL(new RegExp(`area=${community.id}`));

  const cards = page.getByTestId('resource-card');
  await expect(cards.first()).toBeVisible();
  // Every card shown is legal aid; ours is among them (paging on if earlier runs added more).
  const mine = cards.filter({ hasText: title });
  while (!(await mine.isVisible())) {
    for (const tag of await cards.locator('.ant-card-extra').allTextContents())
      expect(tag).toBe('法律援助');
    await page.getByRole('listitem', { name: /下一页|Next Page/ }).click();
  }
  await expect(mine).toContainText('和平区慈善会');
  await expect(mine).toContainText('010-65000003');
  for (const tag of await cards.locator('.ant-card-extra').allTextContents())
    expect(tag).toBe('法律援助');
});

test('without signing in, tenders list and page render; an open tender shows no bid data', async ({
  page,
  request,
}) => {
  const { district } = await someCommunity(request);
  const title = `独居老人上门照护项目${randomBytes(3).toString('hex')}`;
  const id = await openTenderWithBid(request, district.id, title);

  // The API's own export, without a token: no bids, no bidder, no price.
  const ocds = await request.get(`/api/procurement/projects/${id}/ocds`);
  expect(ocds.status()).toBe(200);
  const body = await ocds.text();
  expect(body).toContain(title);
  for (const leak of ['和平区阳光社会工作服务中心', '123456.78', '12345678']) {
    expect(body).not.toContain(leak);
  }
  for (const release of JSON.parse(body).releases) expect(release.bids).toBeUndefined();

  await page.goto('/public/tenders');
  await expect(page.getByRole('heading', { name: '政府购买服务公告' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('¥300,000.00');
  await expect(row).toContainText('进行中');
  await row.getByRole('link', { name: title }).click();

  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('¥300,000.00')).toBeVisible();
  await expect(page.getByText('60 户')).toBeVisible();
  await expect(page.getByText(/投标尚未截止/)).toBeVisible();
  const text = await page.locator('main').innerText();
  for (const leak of ['和平区阳光社会工作服务中心', '123,456.78', '12345678']) {
    expect(text).not.toContain(leak);
  }
});
