import { expect, test } from '@playwright/test';
import { formatRate } from '../../apps/console/src/features/dashboard/rates';
import { DEMO_PASSWORD, login } from './support/login';

/** The page's default period: 1 January of this year to today, Beijing calendar. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

test("the district's overview shows the reports API's own figures", async ({ page, request }) => {
  const token = (
    await (
      await request.post('/api/auth/login', {
        data: { username: 'civil.district', password: DEMO_PASSWORD },
      })
    ).json()
  ).accessToken as string;
  const headers = { authorization: `Bearer ${token}` };
  const { from, to } = defaultPeriod();
  const coverage = await (
    await request.get(`/api/reports/coverage?groupBy=area&from=${from}&to=${to}`, { headers })
  ).json();
  const unmet = await (await request.get('/api/reports/unmet-needs', { headers })).json();
  // The seeded district has households with needs: the figures below are not vacuous.
  expect(coverage.total.householdsWithNeed).toBeGreaterThan(0);

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
  // One chart per coverage grouping, the unmet reasons' pie: drawn on canvases.
  await expect(page.locator('canvas')).toHaveCount(3);
  // The street rows the chart draws are the API's child areas.
  expect(coverage.rows.length).toBeGreaterThan(0);

  // The Excel button's name also holds its icon's ("download 下载 Excel").
  for (const [button, extension] of [
    [/下载 Excel$/, /\.xlsx$/],
    [/^CSV$/, /\.csv$/],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).first().click();
    expect((await download).suggestedFilename()).toMatch(extension);
  }
});
