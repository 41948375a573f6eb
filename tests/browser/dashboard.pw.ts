import { expect, type Page, test } from '@playwright/test';
import { attainabilityColour, ratePercent } from '../../apps/console/src/features/dashboard/map';
import { formatRate } from '../../apps/console/src/features/dashboard/rates';
import { DEMO_PASSWORD, login } from './support/login';

/** The page's default period: 1 January of this year to today, Beijing calendar. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The page's picture: into ONEDOOR_SCREENSHOTS (e.g. docs/screenshots) when set, else /tmp. */
async function shot(page: Page): Promise<void> {
  const dir = process.env.ONEDOOR_SCREENSHOTS;
  await page.screenshot({ path: dir ? `${dir}/dashboard.png` : '/tmp/dashboard-dashboard.png' });
}

type CoverageRow = {
  key: string;
  name: string;
  accessibilityRate: number | null;
  attainabilityRate: number | null;
};

test("the district's overview shows the reports API's own figures", async ({ page, request }) => {
  const token = (
    await (
      await request.post('/api/auth/login', {
        data: { username: 'civil.district', password: DEMO_PASSWORD },
      })
    ).json()
  ).accessToken as string;
  const headers = { authorization: `Bearer ${token}` };
  const get = async (path: string) => {
    const res = await request.get(path, { headers });
    expect(res.ok(), `GET ${path}: ${res.status()}`).toBeTruthy();
    return res.json();
  };
  const { from, to } = defaultPeriod();
  const coverage = await get(`/api/reports/coverage?groupBy=area&from=${from}&to=${to}`);
  const unmet = await get('/api/reports/unmet-needs');
  const trend = await get(
    `/api/reports/coverage/monthly?from=${from.slice(0, 7)}&to=${to.slice(0, 7)}`,
  );
  const contracts = await get('/api/reports/contracts');
  // The seeded district has households with needs and a signed contract: the figures below are
  // not vacuous.
  expect(coverage.total.householdsWithNeed).toBeGreaterThan(0);
  expect(contracts.rows.length).toBeGreaterThan(0);

  await login(page, 'civil.district');
  await page.getByRole('link', { name: '辖区概况' }).click();
  await expect(page.getByRole('heading', { name: '辖区救助概况' })).toBeVisible();
  await expect(page.getByTestId('total-accessibility')).toContainText(
    formatRate(coverage.total.accessibilityRate),
  );
  await expect(page.getByTestId('total-attainability')).toContainText(
    formatRate(coverage.total.attainabilityRate),
  );
  await expect(page.getByTestId('unmet-total')).toContainText(
    `未满足需求 ${unmet.total.needs} 项，涉及 ${unmet.total.households} 户`,
  );
  // The map, the trend, a chart per coverage grouping, the unmet reasons' pie: on canvases.
  await expect(page.locator('canvas')).toHaveCount(5);

  // The map: every child area of the coverage report, each with the API's attainability and the
  // colour of its band; the seeded streets all have outlines, so none is listed as undrawn.
  expect(coverage.rows.length).toBeGreaterThan(0);
  const regions = page.getByTestId('map-values').locator('tbody tr');
  await expect(regions).toHaveCount(coverage.rows.length);
  for (const row of coverage.rows as CoverageRow[]) {
    const region = page.getByTestId('map-values').locator(`tr[data-area-id="${row.key}"]`);
    await expect(region).toHaveAttribute('data-attainability', String(row.attainabilityRate ?? ''));
    await expect(region).toHaveAttribute('data-colour', attainabilityColour(row.attainabilityRate));
    await expect(region).toHaveAttribute('data-drawn', 'yes');
    await expect(region.locator('th')).toHaveText(row.name);
    await expect(region.locator('td').nth(1)).toHaveText(formatRate(row.attainabilityRate));
  }
  await expect(page.getByTestId('map-undrawn')).toHaveCount(0);

  // The trend: one point per month of the period, the last the API's figure for this month.
  const months = trend.rows as Array<{ month: string } & Omit<CoverageRow, 'key' | 'name'>>;
  const points = page.getByTestId('trend-values').locator('tr');
  await expect(points).toHaveCount(months.length);
  const last = months[months.length - 1];
  expect(last.month).toBe(to.slice(0, 7));
  await expect(points.last()).toHaveAttribute('data-month', last.month);
  await expect(points.last()).toHaveAttribute(
    'data-attainability',
    String(ratePercent(last.attainabilityRate) ?? ''),
  );
  await expect(points.last()).toHaveAttribute(
    'data-accessibility',
    String(ratePercent(last.accessibilityRate) ?? ''),
  );

  // The contracts: one row per contract of the API's, and the total row.
  const contractTable = page.getByTestId('contracts');
  for (const c of contracts.rows as Array<{ name: string }>) {
    await expect(contractTable.getByRole('row', { name: new RegExp(c.name) })).toBeVisible();
  }
  await expect(contractTable.getByRole('row', { name: /合计/ })).toBeVisible();
  await shot(page);

  // The Excel button's name also holds its icon's ("download 下载 Excel").
  for (const [button, extension] of [
    [/下载 Excel$/, /\.xlsx$/],
    [/^CSV$/, /\.csv$/],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).first().click();
    expect((await download).suggestedFilename()).toMatch(extension);
  }
  for (const [card, file] of [
    ['可及率与可得率月度趋势', 'coverage-monthly.xlsx'],
    ['服务项目合同履约情况', 'contracts.xlsx'],
  ] as const) {
    const download = page.waitForEvent('download');
    await page
      .locator('.ant-card', { has: page.getByText(card, { exact: true }) })
      .getByRole('button', { name: /下载 Excel$/ })
      .click();
    expect((await download).suggestedFilename()).toBe(file);
  }
});

test('a child area without an outline is named under the map instead of drawn', async ({
  page,
  request,
}) => {
  const tokenOf = async (username: string) =>
    (
      await (
        await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } })
      ).json()
    ).accessToken as string;
  const staff = { authorization: `Bearer ${await tokenOf('civil.district')}` };
  const admin = { authorization: `Bearer ${await tokenOf('admin')}` };
  const { from, to } = defaultPeriod();
  const coverage = await (
    await request.get(`/api/reports/coverage?groupBy=area&from=${from}&to=${to}`, {
      headers: staff,
    })
  ).json();
  const undrawn = (coverage.rows as CoverageRow[]).at(-1)!;
  const area = await (await request.get(`/api/areas/${undrawn.key}`, { headers: admin })).json();
  expect(area.boundary).not.toBeNull();
  const setBoundary = async (boundary: unknown) =>
    expect(
      (
        await request.patch(`/api/areas/${undrawn.key}`, { headers: admin, data: { boundary } })
      ).status(),
    ).toBe(200);

  await setBoundary(null);
  try {
    await login(page, 'civil.district');
    await page.goto('/dashboard');
    await expect(page.getByTestId('map-undrawn')).toContainText(`未绘制边界：${undrawn.name}`);
    const rows = page.getByTestId('map-values');
    await expect(rows.locator(`tr[data-area-id="${undrawn.key}"]`)).toHaveAttribute(
      'data-drawn',
      'no',
    );
    await expect(rows.locator('tr[data-drawn="yes"]')).toHaveCount(coverage.rows.length - 1);
  } finally {
    await setBoundary(area.boundary);
  }
});
