import { Client } from 'pg';
import { expect, test } from '@playwright/test';
import { finishedAssistanceImport } from '../factories/assistance-import';
import { assessedHousehold, get, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';
import { STACK_ENV, type StackState } from './support/stack';

interface Figures {
  householdTimes: number;
  amountFen: number;
  households: number;
}
interface Bulletin {
  rows: Array<Figures & { key: string }>;
  total: Figures;
}

/** A Beijing calendar month, `monthsAgo` before this one: `2026-11`. */
const beijingMonth = (monthsAgo = 0) => {
  const now = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1))
    .toISOString()
    .slice(0, 7);
};

/** `1234.5` yuan as the console writes it: `¥1,234.50`. */
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('civil-affairs staff read the ledger reports: the bulletin per source and urban/rural, duplicates, missed assistance and the dashboard card', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // The ledger is written here directly (the stack's own throwaway database): recording
  // assistance is another part's page; this one reads it.
  const saved = process.env[STACK_ENV];
  test.skip(!saved, 'needs the stack this harness starts (not ONEDOOR_BASE_URL)');
  const state = JSON.parse(saved!) as StackState;
  const url = new URL(state.adminUrl);
  url.pathname = `/${state.database}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();

  const assessor = await token(request, 'assessor');
  const staff = await token(request, 'civil.district');
  const householdId = await assessedHousehold(request, assessor, { name: '台账甲' });
  const [{ path }] = (
    await db.query(
      `SELECT c.path FROM household h JOIN area c ON c.id = h.community_id WHERE h.id = $1`,
      [householdId],
    )
  ).rows as Array<{ path: string }>;
  const first = `${beijingMonth(1)}-01`;
  const [{ id: civil }] = (
    await db.query(`SELECT id FROM app_user WHERE username = 'civil.district'`)
  ).rows as Array<{ id: string }>;
  const importId = await finishedAssistanceImport(
    async (sql, params) => (await db.query(sql, params)).rows,
    civil,
  );
  // The same 低保 from the bureau's roll and from the street, both from last month: a duplicate.
  const entry = (source: 'entry' | 'import', grantedBy: string) =>
    db.query(
      `INSERT INTO assistance_entry (household_id, source, import_id, granted_by, category_code, title, form,
              frequency, amount_fen, starts_on, ends_on, area_path, tier, residency, version)
       VALUES ($1, $2, $3, $4, 'basic_living', '低保金', 'cash', 'monthly', 61250, $5, NULL, $6, 'subsistence', 'local', 1)`,
      [householdId, source, source === 'import' ? importId : null, grantedBy, first, path],
    );
  await entry('import', '和平区民政局');
  await entry('entry', '光明街道办事处');
  await db.end();

  const months = `from=${beijingMonth(11)}&to=${beijingMonth()}`;
  const bySource = await get<Bulletin>(
    request,
    staff,
    `/api/reports/assistance?groupBy=source&${months}`,
  );
  const imported = bySource.rows.find((r) => r.key === 'import')!;
  // Last month and this one: at least 2 household-times of 612.50 from the roll.
  expect(imported.householdTimes).toBeGreaterThanOrEqual(2);

  await login(page, 'civil.district');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('link', { name: '救助台账统计' }).click();
  await expect(page.getByRole('heading', { name: '救助台账统计' })).toBeVisible();
  const table = page.getByTestId('assistance-table');
  const row = table.getByRole('row', { name: /名册导入/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(imported.householdTimes));
  await expect(row.getByRole('cell').nth(2)).toHaveText(yuan(imported.amountFen));
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(imported.households));
  const total = table.getByRole('row', { name: /合计/ });
  await expect(total.getByRole('cell').nth(2)).toHaveText(yuan(bySource.total.amountFen));
  await expect(
    page.getByTestId('assistance-monthly-table').getByText(beijingMonth()),
  ).toBeVisible();
  await picture(page, 'assistance-report');

  // Urban and rural: the demo communities are urban.
  const byArea = await get<Bulletin>(
    request,
    staff,
    `/api/reports/assistance?groupBy=urbanRural&${months}`,
  );
  await page.getByText('城乡', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '城乡' })).toBeChecked();
  const urban = byArea.rows.find((r) => r.key === 'urban')!;
  await expect(table.getByRole('row', { name: /城镇/ }).getByRole('cell').nth(1)).toHaveText(
    String(urban.householdTimes),
  );
  await expect(table.getByRole('row', { name: /农村/ })).toBeVisible();

  // The duplicate: both sources side by side.
  await page.getByRole('link', { name: '重复救助' }).click();
  await expect(page.getByRole('heading', { name: '重复救助' })).toBeVisible();
  const pair = page
    .getByTestId('duplicates-table')
    .getByRole('row', { name: new RegExp(householdId.slice(0, 8)) });
  await expect(pair).toContainText('名册导入');
  await expect(pair).toContainText('和平区民政局');
  await expect(pair).toContainText('部门登记');
  await expect(pair).toContainText('光明街道办事处');
  await expect(pair).toContainText('¥612.50/月');
  await picture(page, 'assistance-duplicates');

  // Missed assistance: the count the API gives; the assisted household is not in it.
  const missed = await get<{ count: number; rows: Array<{ householdId: string }> }>(
    request,
    staff,
    '/api/reports/missed-assistance?months=3',
  );
  expect(missed.rows.map((r) => r.householdId)).not.toContain(householdId);
  await page.getByRole('link', { name: '遗漏救助' }).click();
  await expect(page.getByRole('heading', { name: '遗漏救助' })).toBeVisible();
  await expect(page.getByTestId('missed-count')).toContainText(String(missed.count));
  await picture(page, 'missed-assistance');

  // The dashboard's card: the same counts, linking to the pages.
  const duplicates = await get<{ count: number }>(
    request,
    staff,
    '/api/reports/assistance-duplicates',
  );
  await page.getByRole('link', { name: '辖区概况' }).click();
  const card = page.getByTestId('ledger-card');
  await expect(card.getByTestId('ledger-duplicates')).toContainText(String(duplicates.count));
  await expect(card.getByTestId('ledger-missed')).toContainText(String(missed.count));
  await card.scrollIntoViewIfNeeded();
  await picture(page, 'ledger-card');
  await card.getByTestId('ledger-duplicates').click();
  await expect(page).toHaveURL(/\/reports\/assistance-duplicates$/);
});
