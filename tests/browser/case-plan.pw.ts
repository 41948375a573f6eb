import { expect, test } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { assessedHousehold, call, proposalsFor, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';

/** A one-page PDF the API accepts as a signed agreement (checked by its leading bytes). */
const SIGNED_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('签字确认 '.repeat(40))]);

test('an assessor generates the case plan, edits a goal and records the family’s agreement', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const assessor = await token(request, 'assessor');
  const officer = await token(request, 'civil.street');
  const name = `计划${randomInt(100_000, 999_999)}`;
  const householdId = await assessedHousehold(request, assessor, { name });
  const theCase = await call<{ id: string }>(
    request,
    assessor,
    'get',
    `/api/households/${householdId}/case`,
  );
  // One approved proposal, so that the plan holds a referral action.
  const [need] = (await proposalsFor(request, officer, householdId)).filter(
    (n) => n.proposals.length > 0,
  );
  await call(request, officer, 'post', `/api/matches/${need.proposals[0].id}/approve`, {});

  await login(page, 'assessor');
  await page.goto(`/cases/${theCase.id}`);
  await page.getByRole('tab', { name: '计划' }).click();
  await page.getByRole('button', { name: '生成计划' }).click();
  await expect(page.getByText('已生成计划草稿')).toBeVisible();
  await expect(page.getByText('草稿', { exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: need.proposals[0].resourceTitle })).toBeVisible();
  await expect(page.getByRole('heading', { name: '医疗救助' })).toBeVisible();

  // Edit the first goal: its title and its target date.
  await page.getByRole('button', { name: '编辑计划' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('目标', { exact: true }).first().fill('保障基本生活开支');
  await drawer.getByLabel('目标日期').first().fill('2027-06-30');
  await drawer.getByLabel('目标日期').first().press('Enter');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('计划已保存')).toBeVisible();
  const goal = page.getByTestId(/^goal-/).filter({ hasText: '保障基本生活开支' });
  await expect(goal).toContainText('2027-06-30');

  // The family's agreement, with the signed page uploaded.
  await page.getByRole('button', { name: '记录家庭确认' }).click();
  const modal = page.getByRole('dialog', { name: '记录家庭确认' });
  await modal.getByLabel('确认人').fill('户主本人');
  await modal.getByText('家庭签字文件').click();
  await modal.locator('input[type=file]').setInputFiles({
    name: '计划确认书.pdf',
    mimeType: 'application/pdf',
    buffer: SIGNED_PDF,
  });
  await expect(modal.getByText('已上传：计划确认书.pdf')).toBeVisible();
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已记录家庭确认')).toBeVisible();
  await expect(page.getByText('家庭已确认', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '计划确认书.pdf' })).toBeVisible();
  await expect(page.getByRole('button', { name: '修改计划（生成新版本）' })).toBeVisible();
  await expect(page.getByText('已记录家庭确认')).toBeHidden();
  await picture(page, 'case-plan');
});
