import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { assessedHousehold, get, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';

test('the street’s staff asks the adviser for an action in the 督导 tab; the adviser answers; the staff resolves it', async ({
  request,
  browser,
}) => {
  test.setTimeout(180_000);
  const assessor = await token(request, 'assessor');
  const suffix = randomInt(100_000, 999_999);
  const head = `督导户${suffix}`;
  const householdId = await assessedHousehold(request, assessor, { name: head });
  const kase = await get<{ id: string }>(request, assessor, `/api/households/${householdId}/case`);
  const action = `请核实${head}子女就学情况并补充材料`;
  const answer = `已于周三上门核实，材料已补充（${suffix}）`;

  // The supervisor posts a required action with its due date.
  const staff = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(staff, 'civil.street');
  await staff.goto(`/cases/${kase.id}?tab=supervision`);
  await expect(staff.getByRole('heading', { name: `${head}家庭个案` })).toBeVisible();
  await expect(staff.getByRole('tab', { name: '督导', selected: true })).toBeVisible();
  await expect(staff.getByText('暂无督导意见')).toBeVisible();
  await staff.getByLabel('内容').fill(action);
  await staff.getByLabel('整改期限').fill('2026-12-31');
  // Leaving the field keeps the typed date (Enter would also submit the form).
  await staff.getByLabel('整改期限').press('Tab');
  await expect(staff.getByLabel('整改期限')).toHaveValue('2026-12-31');
  await staff.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(staff.getByText('督导意见已提交', { exact: true })).toBeVisible();
  const posted = staff.getByTestId('supervision-item').filter({ hasText: action });
  await expect(posted).toBeVisible();
  await expect(posted.getByText('整改要求')).toBeVisible();
  await expect(posted.getByText('待回复')).toBeVisible();
  await expect(posted.getByText('整改期限：2026-12-31')).toBeVisible();

  // The adviser finds it on the case and answers.
  const adviser = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(adviser, 'assessor');
  await adviser.goto(`/cases/${kase.id}?tab=supervision`);
  const item = adviser.getByTestId('supervision-item').filter({ hasText: action });
  await expect(item).toBeVisible();
  // The adviser has no supervisor's form and no resolve button.
  await expect(adviser.getByLabel('内容')).toHaveCount(0);
  await expect(item.getByRole('button', { name: /^办\s*结$/ })).toHaveCount(0);
  await item.getByLabel('回复').fill(answer);
  await item.getByRole('button', { name: /^回\s*复$/ }).click();
  await expect(adviser.getByText('已回复督导意见', { exact: true })).toBeVisible();
  await expect(item.getByText(answer)).toBeVisible();
  await expect(item.getByText('已回复', { exact: true })).toBeVisible();
  await picture(adviser, 'case-supervision');
  await adviser.close();

  // The supervisor sees the answer and resolves the item; the timeline records each step.
  await staff.reload();
  await expect(posted.getByText(answer)).toBeVisible();
  await posted.getByRole('button', { name: /^办\s*结$/ }).click();
  await staff.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
  await expect(staff.getByText('督导意见已办结', { exact: true })).toBeVisible();
  await expect(posted.getByText('已办结')).toBeVisible();
  await staff.getByRole('tab', { name: '时间线' }).click();
  const entries = staff.getByTestId('timeline-entry');
  await expect(entries.filter({ hasText: '提出督导意见' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '回复督导意见' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '督导意见办结' })).toHaveCount(1);
  await staff.close();
});
