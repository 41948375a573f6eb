import { Client } from 'pg';
import { expect, test } from '@playwright/test';
import { reliefFund } from '../factories/relief-grant';
import { assessedHousehold, call, get, token } from './support/api';
import { login } from './support/login';
import { picture } from './support/picture';
import { pick } from './support/ui';
import { STACK_ENV, type StackState } from './support/stack';

test('a street officer requests an emergency grant from the household page, sees the fund’s balance and their limit, approves a lower amount and confirms the payment', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // The fund is written directly (the stack's own throwaway database): fund management is
  // another part's page.
  const saved = process.env[STACK_ENV];
  test.skip(!saved, 'needs the stack this harness starts (not ONEDOOR_BASE_URL)');
  const state = JSON.parse(saved!) as StackState;
  const url = new URL(state.adminUrl);
  url.pathname = `/${state.database}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();

  const assessor = await token(request, 'assessor');
  const name = `救急户${Math.floor(Math.random() * 1e6)}`;
  const householdId = await assessedHousehold(request, assessor, { name });
  const query = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;
  const [district] = await query(
    `SELECT a.id, a.path FROM household h JOIN area c ON c.id = h.community_id
       JOIN area a ON a.level = 'district' AND c.path LIKE a.path || '%' WHERE h.id = $1`,
    [householdId],
  );
  const fundName = `临时救助备用金 ${name}`;
  await reliefFund(query, {
    area: district as { id: string; path: string },
    balanceFen: 2_000_000,
    name: fundName,
  });
  await db.end();

  await login(page, 'civil.street');
  await page.goto(`/households/${householdId}`);
  await page.getByRole('button', { name: '申请临时救助' }).click();
  await expect(page.getByRole('heading', { name: '申请临时救助' })).toBeVisible();
  await pick(page, page, '支出资金', new RegExp(fundName));
  await page.getByLabel('申请金额（元）').fill('800');
  await page.getByLabel('事由').fill('家中突发火灾，衣物被褥损毁');
  await page.getByRole('button', { name: '提交申请' }).click();

  // The decision: the household, the fund's balance and the officer's own limit (a street's ¥5,000).
  await expect(
    page.getByRole('heading', { name: new RegExp(`临时救助申请 · ${name}`) }),
  ).toBeVisible();
  await expect(page.getByTestId('fund-balance')).toHaveText('¥20,000.00');
  await expect(page.getByTestId('my-limit')).toHaveText('¥5,000.00');
  await picture(page, 'relief-grant-decision');
  await page.getByLabel('批准金额（元）').fill('6000');
  await expect(page.getByTestId('above-limit')).toBeVisible();
  await page.getByLabel('批准金额（元）').fill('600');
  await expect(page.getByTestId('above-limit')).toHaveCount(0);
  await page.getByLabel('审批意见（可选）').fill('核减为600元');
  await page.getByRole('button', { name: '批准并支出' }).click();
  await expect(page.getByTestId('fund-balance')).toHaveText('¥19,400.00');

  await page.getByLabel('发放方式').fill('银行转账 尾号1234');
  await page.getByRole('button', { name: '确认发放' }).click();
  await expect(page.getByText('银行转账 尾号1234')).toBeVisible();
  await expect(page.getByText('已发放')).toBeVisible();

  // It is in the household's assistance history, and no longer in the queue of requests.
  await page
    .getByRole('link', { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByText('¥600.00').first()).toBeVisible();
});

test('a street officer rejects a request with its reason, and cancels an approved grant whose amount goes back to the fund', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const assessor = await token(request, 'assessor');
  const staff = await token(request, 'civil.street');
  const name = `撤销户${Math.floor(Math.random() * 1e6)}`;
  const householdId = await assessedHousehold(request, assessor, { name });
  const [fund] = await get<Array<{ id: string; name: string }>>(
    request,
    staff,
    `/api/emergency-grants/funds?householdId=${householdId}`,
  );
  const ask = (amountFen: number) =>
    call<{ id: string }>(request, staff, 'post', '/api/emergency-grants', {
      householdId,
      fundId: fund.id,
      amountFen,
      reason: '突发疾病，急需医疗费',
    });

  await login(page, 'civil.street');
  // A request the officer refuses: the reason is asked for, then shown.
  const refused = await ask(30_000);
  await page.goto(`/relief-grants/${refused.id}`);
  await page.getByRole('button', { name: /不予批准/ }).click();
  const rejectDialog = page.getByRole('dialog', { name: '不予批准' });
  await rejectDialog.getByLabel('不予批准的原因').fill('经核实已获其他救助');
  await rejectDialog.getByRole('button', { name: /不予批准/ }).click();
  await expect(page.getByText('已不予批准')).toBeVisible();
  await expect(page.getByText('经核实已获其他救助')).toBeVisible();

  // An approved grant that cannot be handed over: cancelled, its amount back in the fund.
  const approved = await ask(40_000);
  await call(request, staff, 'post', `/api/emergency-grants/${approved.id}/approve`, {});
  await page.goto(`/relief-grants/${approved.id}`);
  const balance = async () =>
    Number((await page.getByTestId('fund-balance').textContent())!.replace(/[¥,]/g, ''));
  const before = await balance();
  await page.getByRole('button', { name: /撤销批准/ }).click();
  const cancelDialog = page.getByRole('dialog', { name: '撤销批准' });
  await cancelDialog.getByLabel('撤销原因').fill('家属已联系不上，暂不发放');
  await cancelDialog.getByRole('button', { name: /撤销批准/ }).click();
  await expect(page.getByText('已撤销批准，资金已退回')).toBeVisible();
  await expect.poll(balance).toBe(before + 400);
});
