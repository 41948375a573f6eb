import { randomBytes, randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { call, get, token } from './support/api';
import { idNumber } from './support/id-number';
import { login } from './support/login';
import { picture } from './support/picture';

/** The community cascader: district, street, community, as a resident picks them. */
async function pickCommunity(page: Page) {
  await page.getByLabel('所在社区（村）').click();
  for (const name of ['和平区', '新华街道', '光明社区'])
    await page.locator('.ant-cascader-menu-item').filter({ hasText: name }).first().click();
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a reporter reports a family; the community’s staff link it to the registered household it matches; the reporter sees 已关联家庭', async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(150_000);
    const staff = await token(request, 'civil.street');
    const suffix = randomInt(100_000, 999_999);

    // A family of 光明社区 already registered, with its phone.
    const areas = await get<{ items: { id: string; code: string }[] }>(
      request,
      staff,
      '/api/areas?limit=100',
    );
    const community = areas.items.find((a) => a.code === 'DEMO-C-D1-S1-C1')!;
    const phone = `135${String(randomInt(1e8)).padStart(8, '0')}`;
    const household = await call<{ id: string }>(request, staff, 'post', '/api/households', {
      communityId: community.id,
      residency: 'local',
      phone,
      members: [
        {
          name: `在册户${suffix}`,
          relation: 'self',
          idNumber: idNumber({ bornFrom: 1960, bornTo: 1975 }),
          employment: 'unemployed',
          monthlyIncomeFen: 0,
        },
      ],
    });

    // The street's staff create a reporter (信息员) for the community through the users API.
    const reporter = await call<{ setPasswordToken: string; username: string }>(
      request,
      staff,
      'post',
      '/api/users',
      {
        username: `grid-${suffix}`,
        displayName: '网格员小周',
        role: 'reporter',
        areaId: community.id,
      },
    );
    const password = `Grid-${randomBytes(6).toString('hex')}`;
    await call(request, staff, 'post', '/api/auth/set-password', {
      token: reporter.setPasswordToken,
      password,
    });

    // The reporter's home is their own leads; the menu offers the form and the list only.
    await login(page, reporter.username, password);
    await expect(page).toHaveURL(/\/leads\/mine$/);
    await expect(page.getByRole('heading', { name: '我的线索' })).toBeVisible();
    await page.getByRole('link', { name: '报告困难家庭' }).first().click();
    await expect(page.getByRole('heading', { name: '报告困难家庭' })).toBeVisible();

    const subject = `求助人${suffix}`;
    await page.getByLabel('姓名', { exact: true }).fill(subject);
    await pickCommunity(page);
    await page.getByLabel('联系电话').fill(phone);
    await page
      .getByLabel('发生了什么')
      .fill('户主突发脑溢血住院，家中两个孩子无人照顾，缺少生活费');
    await page.getByLabel('与该家庭的关系').fill('网格员');
    // Nothing wider than the phone.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await picture(page, 'lead-report-phone');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await expect(page.getByText('已收到您的报告')).toBeVisible();
    const reference = (await page.getByText(/线索编号 XS\d{8}-/).textContent())!.match(
      /XS\d{8}-[A-Z2-9]{6}/,
    )![0];

    await page.getByRole('button', { name: '查看我的线索' }).click();
    const mine = page.getByTestId(`my-lead-${reference}`);
    await expect(mine.getByText('待研判')).toBeVisible();
    await expect(
      mine.getByText(`${subject[0]}${'*'.repeat([...subject].length - 1)} · 光明社区`),
    ).toBeVisible();

    // The street's staff, at their desk: the queue, the lead, the household it matches.
    const desk = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(desk, 'civil.street');
    await desk.goto('/leads');
    await expect(desk.getByRole('heading', { name: '线索研判' })).toBeVisible();
    await desk.getByRole('link', { name: new RegExp(subject) }).click();
    await expect(desk.getByRole('heading', { name: `线索 ${reference}` })).toBeVisible();
    await expect(desk.getByText('户主突发脑溢血住院')).toBeVisible();
    await expect(desk.getByRole('link', { name: '登记急难救助' })).toHaveAttribute(
      'href',
      new RegExp('/relief/intake\\?leadId='),
    );
    const candidate = desk.getByRole('row').filter({ hasText: '电话相同' });
    await expect(candidate).toHaveCount(1);
    await expect(candidate.getByRole('link', { name: '查看家庭' })).toHaveAttribute(
      'href',
      `/households/${household.id}`,
    );
    await picture(desk, 'lead-triage');
    // How to reach them: masked until asked for, then the full number as a tel: link.
    await expect(desk.getByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)).toBeVisible();
    await expect(desk.getByRole('link', { name: `拨打 ${phone}` })).toHaveCount(0);
    await desk.getByRole('button', { name: '查看联系方式' }).click();
    await expect(desk.getByRole('link', { name: `拨打 ${phone}` })).toHaveAttribute(
      'href',
      `tel:${phone}`,
    );
    await expect(desk.getByText('查看已记录')).toBeVisible();
    await candidate.getByRole('button', { name: '关联家庭' }).click();
    await desk
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect(desk.getByTestId('lead-status')).toHaveText('已关联家庭');
    await desk.close();

    // The reporter sees the outcome, and still nothing of the family.
    await page.reload();
    await expect(page.getByTestId(`my-lead-${reference}`).getByText('已关联家庭')).toBeVisible();
    await expect(page.getByText(subject)).toHaveCount(0);
  });

  test('the public form at /report needs no login and answers a reference number only', async ({
    page,
  }) => {
    await page.goto('/report');
    await expect(page.getByRole('heading', { name: '报告困难家庭' })).toBeVisible();
    await page.getByLabel('姓名', { exact: true }).fill('路人甲');
    await pickCommunity(page);
    await page.getByLabel('发生了什么').fill('独居老人摔倒后无法起身，家中无人');
    await page.getByLabel('您的姓名').fill('热心邻居');
    // The honeypot is in the page but not on the screen.
    await expect(page.getByLabel('网站')).not.toBeInViewport();
    await page.evaluate('window.scrollTo(0, 0)');
    await picture(page, 'lead-public-phone');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await expect(page.getByText('已收到您的报告')).toBeVisible();
    await expect(page.getByText(/线索编号 XS\d{8}-[A-Z2-9]{6}/)).toBeVisible();
  });
});
