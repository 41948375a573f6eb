import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { idNumber } from './support/id-number';
import { login } from './support/login';
import { picture } from './support/picture';
import { pick } from './support/ui';

/** '¥499,000.00' → 49_900_000 fen. */
const fen = (text: string | null) => Math.round(Number(text!.replace(/[¥,\s]/g, '')) * 100);

/** The community cascader of the report form: district, street, community. */
async function pickCommunity(page: Page) {
  await page.getByLabel('所在社区（村）').click();
  for (const name of ['和平区', '新华街道', '光明社区'])
    await page.locator('.ant-cascader-menu-item').filter({ hasText: name }).first().click();
}

/**
 * The story, end to end: a neighbour reports a family on a phone without an account
 * (the public form); one street officer, in one session, finds the lead in the triage queue,
 * registers the family through the emergency intake (prefilled from the lead) with an amount
 * from the reserve fund, approves the grant within their limit and records it paid. The fund is
 * debited, the lead ends 已登记救助, and the grant is in the household's assistance history.
 */
test('a family reported on a phone becomes a paid grant within one officer’s session', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = randomInt(100_000, 999_999);
  const subject = `急难户${suffix}`;

  // Morning: a neighbour, on a phone, without an account.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto('/report');
  await phone.getByLabel('姓名', { exact: true }).fill(subject);
  await pickCommunity(phone);
  await phone.getByLabel('发生了什么').fill('凌晨家中失火，房屋烧毁，一家三口暂住村委会');
  await phone.getByLabel('您的姓名').fill('邻居老王');
  await phone.getByRole('button', { name: /提\s*交/ }).click();
  await expect(phone.getByText('已收到您的报告')).toBeVisible();
  const reference = (await phone.getByText(/线索编号 XS\d{8}-/).textContent())!.match(
    /XS\d{8}-[A-Z2-9]{6}/,
  )![0];
  await phone.close();

  // The street officer's session: the triage queue, the lead, the intake it opens.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(page, 'civil.street');
  await page.goto('/leads');
  await page.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page.getByRole('heading', { name: `线索 ${reference}` })).toBeVisible();
  await page.getByRole('link', { name: '登记急难救助' }).click();
  await expect(page.getByRole('heading', { name: '急难登记' })).toBeVisible();
  // What the neighbour said is already in the form; the officer adds what they verified.
  await expect(page.getByLabel('户主姓名')).toHaveValue(subject);
  await expect(page.getByLabel('发生了什么')).toHaveValue(/凌晨家中失火/);
  await page.getByLabel('户主身份证号').fill(idNumber({ bornFrom: 1965, bornTo: 1980 }));
  await page.getByLabel('联系电话').fill(`137${String(randomInt(1e8)).padStart(8, '0')}`);
  await pick(page, page, '需求类别 1', '急难救助');
  await page.getByLabel('简要说明 1').fill('房屋烧毁，急需生活费和临时住所');
  await page.getByLabel('申请金额（元，可选）').fill('2000');
  await pick(page, page, '支付资金', /^和平区临时救助备用金/);
  await page.getByRole('button', { name: '提交急难登记' }).click();
  await expect(page.getByText('已急难登记')).toBeVisible();
  await expect(page.getByText('已提交临时救助申请 ¥2,000.00，待审批。')).toBeVisible();

  // The decision, from the same session: the street's limit is ¥5,000.
  await page.getByRole('button', { name: '查看救助申请' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByTestId('my-limit')).toHaveText('¥5,000.00');
  const before = fen(await page.getByTestId('fund-balance').textContent());
  await expect(page.getByLabel('批准金额（元）')).toHaveValue(/^2,?000(\.00)?$/);
  await page.getByRole('button', { name: '批准并支出' }).click();
  await expect(page.getByTestId('fund-balance')).toHaveText(
    `¥${((before - 200_000) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
  );
  await page.getByLabel('发放方式').fill('现金 当面发放');
  await page.getByRole('button', { name: '确认发放' }).click();
  await expect(page.getByText('已发放')).toBeVisible();
  await picture(page, 'relief-grant-paid');

  // The lead is answered, and the grant is in the family's assistance history.
  await page.goto('/leads');
  await page.getByText('已登记救助', { exact: true }).click();
  await page.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page.getByTestId('lead-status')).toHaveText('已登记救助');
  await page.getByTestId('lead-household').click();
  await expect(page).toHaveURL(/\/households\//);
  await expect(page.getByText('¥2,000.00').first()).toBeVisible();
});
