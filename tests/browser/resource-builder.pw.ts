import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { assessedHousehold, get, proposalsFor, token } from './support/api';
import { login } from './support/login';
import { pick } from './support/ui';

/** A page's picture: into ONEDOOR_SCREENSHOTS (e.g. docs/screenshots) when set, else /tmp. */
async function shot(page: Page, name: string, forDocs = true): Promise<void> {
  const dir = forDocs ? process.env.ONEDOOR_SCREENSHOTS : undefined;
  await page.screenshot({ path: dir ? `${dir}/${name}.png` : `/tmp/rules-${name}.png` });
}

/** A group's own "add condition" menu (not a nested group's), then the predicate. */
async function addCondition(page: Page, group: Locator, predicate: string) {
  await group
    .getByRole('button', { name: /添加条件$/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: predicate, exact: true }).click();
}

const PREFIX = '助老急难包（测试';

/**
 * Earlier runs' resources of this test leave matching first: being alike, they would tie with
 * this run's for the top proposals of the same household need.
 */
async function withdrawEarlierRuns(request: APIRequestContext, charity: string) {
  const earlier = await get<{ items: { id: string; title: string; status: string }[] }>(
    request,
    charity,
    `/api/resources?limit=100&q=${encodeURIComponent(PREFIX)}`,
  );
  for (const r of earlier.items.filter(
    (r) => r.status !== 'closed' && r.title.startsWith(PREFIX),
  )) {
    const res = await request.post(`/api/resources/${r.id}/close`, {
      headers: { authorization: charity },
      data: { reason: '测试数据清理' },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
}

test('a charity builds nested rules, an officer publishes the resource, the matcher proposes it', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const title = `${PREFIX}${randomInt(100_000, 999_999)}）`;
  const charity = await token(request, 'charity');
  await withdrawEarlierRuns(request, charity);

  await login(page, 'charity');
  await page.goto('/provider/resources');
  await page.getByRole('button', { name: '新增资源' }).click();
  await expect(page).toHaveURL(/\/provider\/resources\/new$/);
  // The list's search box ("按资源名称搜索") must be gone before labels are looked up.
  await expect(page.getByRole('heading', { name: '新增资源' })).toBeVisible();

  await page.getByLabel('资源名称').fill(title);
  await pick(page, page, '资源类别', '急难救助');
  await pick(page, page, '资源形式', '实物');
  await pick(page, page, '服务层级', '社区级');
  await page.getByLabel('覆盖范围').fill('光明社区');
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText(/^光明社区（/)
    .click();
  await page.getByLabel('名额').fill('20');
  await page.getByLabel('单位价值').fill('500');
  await page.getByLabel('资源说明').fill('为困难老人家庭发放应急生活物资包');

  // No conditions yet: the API words that as such.
  const description = page.getByTestId('rule-description');
  await expect(description).toHaveText('无资格限制');

  // all[ tier in 低保/特困, any[ memberAge, hasDisability ] ]
  const root = page.getByTestId('rule-eligibility');
  await addCondition(page, root, '家庭类别');
  const tier = page.getByTestId('rule-eligibility.all[0]');
  await tier.locator('.ant-select-selector').click();
  const options = page.locator('.ant-select-dropdown:visible');
  await options.getByTitle('低保', { exact: true }).click();
  await options.getByTitle('特困', { exact: true }).click();
  await page.keyboard.press('Escape');

  await root
    .getByRole('button', { name: /添加条件组$/ })
    .first()
    .click();
  const any = page.getByTestId('rule-eligibility.all[1]');
  await expect(any.getByRole('combobox', { name: '条件组关系' })).toBeVisible();
  await expect(any.locator('.ant-select-selection-item').first()).toHaveText('满足其一');
  // An empty group is refused by the API, on that group.
  // The group's own error, not its conditions'.
  const groupError = any.locator(':scope > [data-testid="rule-error"]');
  await expect(groupError).toHaveText('条件组中至少需要一个条件');

  await addCondition(page, any, '成员年龄');
  const age = page.getByTestId('rule-eligibility.all[1].any[0]');
  await age.getByLabel('成员年龄下限').fill('70');
  await age.getByLabel('成员年龄上限').fill('60');
  await addCondition(page, any, '持证残疾成员');
  await expect(page.getByTestId('rule-eligibility.all[1].any[1]')).toBeVisible();

  // min > max: the API's error on that node only, and no wording for a wrong document.
  await expect(age.getByTestId('rule-error')).toHaveText('最小值不能大于最大值');
  await expect(groupError).toHaveCount(0);
  await expect(description).toContainText('条件尚不完整或有误');

  await age.getByLabel('成员年龄上限').fill('');
  await age.getByLabel('成员年龄下限').fill('60');
  await expect(age.getByTestId('rule-error')).toHaveCount(0);
  await expect(description).toHaveText(
    '家庭类别为低保、特困；（满足其一：有成员年龄≥60岁 或 有持证残疾成员）',
  );
  await page.getByTestId('rule-eligibility.all[1].any[1]').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await shot(page, 'provider-resource-edit');

  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/provider\/resources\/[0-9a-f-]{36}\/edit$/);
  const id = /resources\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
  // The saved document is the one built (read back through the API).
  const saved = await get<{ eligibility: unknown; valuePerUnitFen: number; status: string }>(
    request,
    charity,
    `/api/resources/${id}`,
  );
  expect(saved).toMatchObject({
    status: 'draft',
    valuePerUnitFen: 50_000,
    eligibility: {
      all: [
        { tier: { in: ['subsistence', 'extreme_poverty'] } },
        { any: [{ memberAge: { min: 60 } }, { hasDisability: true }] },
      ],
    },
  });
  // The edit page reads it back into the same tree.
  await expect(page.getByTestId('rule-eligibility.all[1].any[1]')).toBeVisible();
  await expect(description).toHaveText(
    '家庭类别为低保、特困；（满足其一：有成员年龄≥60岁 或 有持证残疾成员）',
  );
  // Exact: the new-resource form's 「保存并提交审核」 must not be the button clicked here.
  await page.getByRole('button', { name: '提交审核', exact: true }).click();
  await expect(page).toHaveURL(/\/provider\/resources$/);
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('待审核');

  // The district officer publishes it from the review queue.
  await page.context().clearCookies();
  await login(page, 'civil.district');
  await page.goto('/resources/review');
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByTestId('eligibility-text')).toHaveText(
    '家庭类别为低保、特困；（满足其一：有成员年龄≥60岁 或 有持证残疾成员）',
  );
  await page.getByRole('button', { name: '审核通过并发布' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '审核通过并发布' }).click();
  await expect(page.getByText('资源已发布')).toBeVisible();

  // A household that fits (低保 by income, a member over 60, an emergency need in 光明社区):
  // the matcher proposes the new resource for its emergency need.
  const assessor = await token(request, 'assessor');
  const officer = await token(request, 'civil.district');
  const householdId = await assessedHousehold(request, assessor, {
    name: `规则${title.slice(-7, -1)}`,
  });
  const household = await get<{ tier: string }>(request, officer, `/api/households/${householdId}`);
  expect(household.tier).toBe('subsistence');
  let proposed = false;
  await expect
    .poll(
      async () => {
        const needs = await proposalsFor(request, officer, householdId);
        proposed = needs.some((n) => n.proposals.some((p) => p.resourceId === id));
        return proposed;
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true);
  await page.goto(`/households/${householdId}`);
  await expect(
    page.getByTestId('need-emergency').getByTestId('proposal').filter({ hasText: title }),
  ).toBeVisible();

  // Published, its title is no longer the provider's to change: the API's 409 is shown.
  await page.context().clearCookies();
  await login(page, 'charity');
  await page.goto(`/provider/resources/${id}/edit`);
  await expect(page.getByRole('alert').filter({ hasText: '当前状态：已发布' })).toBeVisible();
  await page.getByLabel('资源名称').fill(`${title}（改）`);
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('该资源当前状态下不能修改')).toBeVisible();
  await shot(page, 'published-edit', false);
  expect((await get<{ title: string }>(request, charity, `/api/resources/${id}`)).title).toBe(
    title,
  );
});
