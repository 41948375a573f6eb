import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { call, get, token } from './support/api';
import { idNumber } from './support/id-number';
import { login } from './support/login';
import { picture } from './support/picture';

/** The assessor registers a household in 光明社区: its case opens with them as its adviser. */
async function openCase(request: APIRequestContext, assessor: string, head: string) {
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    assessor,
    '/api/areas?limit=100',
  );
  const community = areas.items.find((a) => a.code === 'DEMO-C-D1-S1-C1')!;
  const household = await call<{ id: string }>(request, assessor, 'post', '/api/households', {
    communityId: community.id,
    residency: 'local',
    phone: `139${randomInt(10_000_000, 99_999_999)}`,
    members: [
      {
        name: head,
        relation: 'self',
        idNumber: idNumber({ bornFrom: 1950, bornTo: 1965 }),
        employment: 'unemployed',
        monthlyIncomeFen: 30_000,
      },
    ],
  });
  return get<{ id: string }>(request, assessor, `/api/households/${household.id}/case`);
}

async function visitsTab(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('tab', { name: '走访记录' }).click();
}

test('an assessor records a visit with a note and sees it', async ({ request, page }) => {
  const assessor = await token(request, 'assessor');
  const suffix = randomInt(100_000, 999_999);
  const opened = await openCase(request, assessor, `走访${suffix}`);
  const note = `入户走访${suffix}：老人独居，腿脚不便，希望每周送餐`;

  await login(page, 'assessor');
  await visitsTab(page, opened.id);
  await expect(page.getByText('暂无走访记录')).toBeVisible();
  await page.getByRole('button', { name: '新增走访' }).click();
  const dialog = page.getByRole('dialog', { name: '新增走访' });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // The note is required: said beside the field, nothing sent.
  await expect(dialog.getByText('请填写走访内容')).toBeVisible();
  await dialog.getByLabel('入户走访').check();
  await dialog.getByLabel('走访内容').fill(note);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // The stored visit, not the 3-second toast, is what proves the save: a CI run under load
  // missed the toast ('走访已记录') while everything else went through.
  await expect(dialog).toBeHidden();
  const visit = page.getByTestId('case-visit').filter({ hasText: note });
  await expect(visit).toBeVisible();
  await expect(visit.getByText('入户走访', { exact: true })).toBeVisible();
  await expect(visit.getByText(/记录人：/)).toBeVisible();
  await expect(visit.getByRole('button', { name: '更正内容' })).toBeVisible();
  // Seen again after a reload: it was stored, not only shown.
  await visitsTab(page, opened.id);
  await expect(page.getByTestId('case-visit').filter({ hasText: note })).toBeVisible();
  await picture(page, 'case-visits');
});
