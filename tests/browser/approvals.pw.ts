import { type APIRequestContext, expect, test } from '@playwright/test';
import { idNumber } from './support/id-number';
import { DEMO_PASSWORD, login } from './support/login';

const PROVIDER_USERS = ['charity', 'enterprise', 'swo'] as const;

interface Item {
  code: string;
  type: 'boolean' | 'number' | 'choice';
  min?: number;
  options?: { value: string }[];
}
interface Proposal {
  id: string;
  resourceId: string;
  resourceTitle: string;
}
interface NeedProposals {
  needId: string;
  proposals: Proposal[];
}

async function token(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBeTruthy();
  return `Bearer ${(await res.json()).accessToken}`;
}

async function get<T>(request: APIRequestContext, auth: string, url: string): Promise<T> {
  const res = await request.get(url, { headers: { authorization: auth } });
  expect(res.ok(), `${url}: ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

/**
 * An assessor registers a household in 光明社区 and completes an assessment whose answers raise
 * basic-living, emergency and medical needs (all covered by demo resources); the matcher then
 * proposes resources for them.
 */
async function assessedHousehold(request: APIRequestContext, assessor: string) {
  const areas = await get<{ items: { id: string; code: string }[] }>(
    request,
    assessor,
    '/api/areas?limit=100',
  );
  const community = areas.items.find((a) => a.code === 'DEMO-C-D1-S1-C1')!;
  const household = await request.post('/api/households', {
    headers: { authorization: assessor },
    data: {
      communityId: community.id,
      residency: 'local',
      phone: '13912345678',
      members: [
        {
          name: '测试审批',
          relation: 'self',
          idNumber: idNumber({ bornFrom: 1950, bornTo: 1965 }),
          employment: 'unemployed',
          monthlyIncomeFen: 30_000,
        },
      ],
    },
  });
  expect(household.status(), await household.text()).toBe(201);
  const { id } = (await household.json()) as { id: string };
  const draft = await request.post(`/api/households/${id}/assessments`, {
    headers: { authorization: assessor },
    data: {},
  });
  expect(draft.status(), await draft.text()).toBe(201);
  const assessment = (await draft.json()) as { id: string };
  // The calm baseline of the active template (no points anywhere), plus the needs we want.
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
  const answered = await request.patch(`/api/assessments/${assessment.id}`, {
    headers: { authorization: assessor },
    data: {
      answers: {
        ...calm,
        basic_needs_unmet: true,
        sudden_event: true,
        chronic_condition: 'severe',
        monthly_medical_expense_yuan: 2_200,
      },
    },
  });
  expect(answered.status(), await answered.text()).toBe(200);
  const done = await request.post(`/api/assessments/${assessment.id}/complete`, {
    headers: { authorization: assessor },
    data: {},
  });
  expect(done.status(), await done.text()).toBe(200);
  return id;
}

test('an officer approves two of a household’s proposals with consent; the provider is told live', async ({
  request,
  browser,
}) => {
  // The matcher proposes in the background, and two consoles sign in: more than the default.
  test.setTimeout(180_000);
  const assessor = await token(request, 'assessor');
  const officer = await token(request, 'civil.street');
  const householdId = await assessedHousehold(request, assessor);

  // The matcher works in the background: wait for proposals on at least two needs.
  let needs: NeedProposals[] = [];
  await expect
    .poll(
      async () => {
        needs = await get<NeedProposals[]>(
          request,
          officer,
          `/api/households/${householdId}/proposals`,
        );
        return needs.filter((n) => n.proposals.length > 0).length;
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBeGreaterThanOrEqual(2);

  // Which provider users own the proposed resources: pick, for two needs, one proposal each,
  // at least one of them a resource of a demo provider user's organization.
  const providers = new Map<string, string>();
  for (const username of PROVIDER_USERS) {
    const me = await get<{ providerId: string }>(
      request,
      await token(request, username),
      '/api/auth/me',
    );
    providers.set(me.providerId, username);
  }
  const ownerOf = async (p: Proposal) =>
    providers.get(
      (await get<{ provider: { id: string } }>(request, officer, `/api/resources/${p.resourceId}`))
        .provider.id,
    );
  const picks: Proposal[] = [];
  let providerUser: string | undefined;
  for (const need of needs.filter((n) => n.proposals.length > 0)) {
    for (const p of need.proposals) {
      const owner = await ownerOf(p);
      if (owner && !providerUser) {
        providerUser = owner;
        picks.push(p);
        break;
      }
    }
  }
  expect(providerUser, 'a proposal from a demo provider user’s organization').toBeDefined();
  const other = needs.find(
    (n) => n.proposals.length > 0 && !n.proposals.some((p) => p.id === picks[0].id),
  )!;
  picks.push(other.proposals[0]);

  // The provider is already on the console, on the workbench.
  const providerContext = await browser.newContext();
  const providerPage = await providerContext.newPage();
  await login(providerPage, providerUser!);
  const bell = providerPage.getByTestId('notification-count');
  const before = Number((await bell.locator('.ant-scroll-number').getAttribute('title')) ?? 0);

  // The officer opens the queue (this household's cards), ticks the two, records consent.
  const officerContext = await browser.newContext();
  const page = await officerContext.newPage();
  await login(page, 'civil.street');
  await page.goto(`/approvals?household=${householdId}`);
  const card = page.getByTestId(`household-${householdId}`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('deadline-badge').first()).toBeVisible();
  for (const p of picks)
    await card
      .getByRole('checkbox', { name: `选择 ${p.resourceTitle}` })
      .first()
      .check();
  await card.getByRole('checkbox', { name: /家庭已同意/ }).check();
  await expect(card.getByLabel('同意人')).toHaveValue('户主本人');
  await page.screenshot({ path: '/tmp/c2-approvals.png', fullPage: false });
  await card.getByRole('button', { name: /批准所选（2）/ }).click();

  const outcome = page.getByTestId('approval-outcome');
  await expect(outcome.getByText('已批准')).toHaveCount(2);
  await expect(outcome.getByRole('link', { name: /查看转介单/ })).toHaveCount(2);

  // Without reloading, the provider's console shows the new referral: a toast and the bell.
  await expect(providerPage.getByText(/新消息/).first()).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => Number((await bell.locator('.ant-scroll-number').getAttribute('title')) ?? 0))
    .toBeGreaterThan(before);

  await officerContext.close();
  await providerContext.close();
});
