import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { formatRate } from '../../apps/console/src/features/dashboard/rates';
import { assessedHousehold, call, get, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';

interface Row {
  key: string;
  name: string;
  caseload: number;
  reassessments: number;
  scoreImprovedRate: number | null;
  left: number;
}
interface Report {
  rows: Row[];
  total: Row;
}

/** A Beijing calendar day, `daysAgo` days before today. */
const beijingDay = (daysAgo = 0) =>
  new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

test('civil-affairs staff read the case outcome report, switch its grouping and download it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const assessor = await token(request, 'assessor');
  const staff = await token(request, 'civil.district');

  // A family assessed with needs, then reassessed with none: a reassessment whose total score
  // went down. Then its adviser closes the case: the family left assistance.
  const householdId = await assessedHousehold(request, assessor, { name: '成效甲' });
  const draft = await call<{ id: string }>(
    request,
    assessor,
    'post',
    `/api/households/${householdId}/assessments`,
    {},
  );
  const [template] = await get<{ definition: { items: Item[] } }[]>(
    request,
    assessor,
    '/api/assessment-templates',
  );
  const calm = Object.fromEntries(
    template.definition.items.map((i) => [
      i.code,
      i.type === 'boolean' ? false : i.type === 'number' ? i.min : i.options![0].value,
    ]),
  );
  const patched = await request.patch(`/api/assessments/${draft.id}`, {
    headers: { authorization: assessor },
    data: { answers: calm },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  await call(request, assessor, 'post', `/api/assessments/${draft.id}/complete`, {});
  const file = await get<{ id: string; version: number }>(
    request,
    assessor,
    `/api/households/${householdId}/case`,
  );
  const outcomes = await get<{
    outcomes: Array<{ assessmentId: string; totalChange: number; scoreImproved: boolean }>;
  }>(request, assessor, `/api/cases/${file.id}/outcomes`);
  expect(outcomes.outcomes).toHaveLength(1);
  expect(outcomes.outcomes[0].scoreImproved).toBe(true);
  expect(outcomes.outcomes[0].totalChange).toBeLessThan(0);
  await call(request, assessor, 'post', `/api/cases/${file.id}/close`, {
    reason: 'exited',
    version: file.version,
  });

  // The page's default period: the 365 days ending today.
  const period = `from=${beijingDay(364)}&to=${beijingDay()}`;
  const byAdviser = await get<Report>(
    request,
    staff,
    `/api/reports/case-outcomes?groupBy=adviser&${period}`,
  );
  expect(byAdviser.total.reassessments).toBeGreaterThan(0);
  expect(byAdviser.total.left).toBeGreaterThan(0);

  await login(page, 'civil.district');
  // The case page's 成效 tab: the reassessment, its score going down.
  await page.goto(`/cases/${file.id}`);
  await page.getByRole('tab', { name: '成效' }).click();
  await expect(page).toHaveURL(/tab=outcomes/);
  const card = page.getByTestId(`outcome-${outcomes.outcomes[0].assessmentId}`);
  await expect(card.getByText(/复评（对比/)).toBeVisible();
  await expect(card.getByText('评分改善', { exact: true })).toBeVisible();
  await expect(card.getByText(String(outcomes.outcomes[0].totalChange))).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await picture(page, 'case-outcomes-tab');

  await page.getByRole('link', { name: '个案成效' }).click();
  await expect(page.getByRole('heading', { name: '个案成效报表' })).toBeVisible();
  const table = page.getByTestId('case-outcomes-table');
  // Grouped by community first: the total row says 合计.
  await expect(table.getByRole('row', { name: /合计/ })).toBeVisible();
  await page.getByText('救助顾问', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '救助顾问' })).toBeChecked();
  // One row per adviser, then the total, with the API's figures.
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(byAdviser.rows.length + 1);
  const total = table.getByRole('row', { name: /合计/ });
  await expect(total.getByRole('cell').nth(1)).toHaveText(String(byAdviser.total.caseload));
  await expect(total.getByRole('cell').nth(5)).toHaveText(String(byAdviser.total.reassessments));
  await expect(total.getByRole('cell').nth(6)).toContainText(
    formatRate(byAdviser.total.scoreImprovedRate),
  );
  await expect(total.getByRole('cell').nth(10)).toHaveText(String(byAdviser.total.left));
  await picture(page, 'case-outcomes');

  // The workbook: the API's Chinese headers, a row per adviser and the total.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('case-outcomes.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 4)).toEqual(['编号', '名称', '在管个案数', '应走访次数']);
  expect(header).toContain('复评次数');
  expect(header).toContain('12个月内返贫家庭数');
  expect(sheet.rowCount).toBe(byAdviser.rows.length + 2);
  expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe('合计');

  // The area overview's 个案成效 card: the same report's total over the overview's period.
  const thisYear = `from=${beijingDay().slice(0, 4)}-01-01&to=${beijingDay()}`;
  const overview = await get<Report>(request, staff, `/api/reports/case-outcomes?${thisYear}`);
  await page.getByRole('link', { name: '辖区概况' }).click();
  const overviewCard = page.getByTestId('case-outcomes-card');
  await expect(overviewCard.getByTestId('outcome-caseload')).toContainText(
    String(overview.total.caseload),
  );
  await expect(overviewCard.getByTestId('outcome-left')).toContainText(String(overview.total.left));
});

interface Item {
  code: string;
  type: 'boolean' | 'number' | 'choice';
  min?: number;
  options?: { value: string }[];
}
