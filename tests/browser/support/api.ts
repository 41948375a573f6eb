import { type APIRequestContext, expect } from '@playwright/test';
import { idNumber } from './id-number';
import { DEMO_PASSWORD } from './login';

/** Set-up through the API (the browser tests' data, made fresh by each test). */

export const PROVIDER_USERS = ['charity', 'enterprise', 'swo'] as const;

interface Item {
  code: string;
  type: 'boolean' | 'number' | 'choice';
  min?: number;
  options?: { value: string }[];
}
export interface Proposal {
  id: string;
  resourceId: string;
  resourceTitle: string;
}
export interface NeedProposals {
  needId: string;
  proposals: Proposal[];
}

export async function token(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password } });
  expect(res.ok(), `login ${username}: ${res.status()}`).toBeTruthy();
  return `Bearer ${(await res.json()).accessToken}`;
}

export async function get<T>(request: APIRequestContext, auth: string, url: string): Promise<T> {
  const res = await request.get(url, { headers: { authorization: auth } });
  expect(res.ok(), `${url}: ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** Calls the API as `auth`; a refusal fails the test with the API's answer. */
export async function call<T>(
  request: APIRequestContext,
  auth: string,
  method: 'get' | 'post' | 'put',
  url: string,
  data?: unknown,
): Promise<T> {
  const res = await request[method](url, { headers: { authorization: auth }, data });
  const text = await res.text();
  expect(res.ok(), `${method} ${url}: ${res.status()} ${text}`).toBeTruthy();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The signed-in user as the API sees them. */
export const me = (request: APIRequestContext, auth: string) =>
  call<{ id: string; areaId: string | null }>(request, auth, 'get', '/api/auth/me');

/**
 * An assessor registers a household in 光明社区 and completes an assessment whose answers raise
 * basic-living, emergency and medical needs (all covered by demo resources); the matcher then
 * proposes resources for them.
 */
export async function assessedHousehold(
  request: APIRequestContext,
  assessor: string,
  head: { name?: string; phone?: string; address?: string; idNumber?: string } = {},
) {
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
      phone: head.phone ?? '13912345678',
      ...(head.address ? { address: head.address } : {}),
      members: [
        {
          name: head.name ?? '测试审批',
          relation: 'self',
          idNumber: head.idNumber ?? idNumber({ bornFrom: 1950, bornTo: 1965 }),
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

/** Waits for the matcher (it works in the background) to propose for at least `needs` needs. */
export async function proposalsFor(
  request: APIRequestContext,
  officer: string,
  householdId: string,
  needs = 1,
): Promise<NeedProposals[]> {
  let found: NeedProposals[] = [];
  await expect
    .poll(
      async () => {
        found = await get<NeedProposals[]>(
          request,
          officer,
          `/api/households/${householdId}/proposals`,
        );
        return found.filter((n) => n.proposals.length > 0).length;
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBeGreaterThanOrEqual(needs);
  return found;
}

/** The demo provider users by their organization's id. */
export async function providerUsers(request: APIRequestContext): Promise<Map<string, string>> {
  const providers = new Map<string, string>();
  for (const username of PROVIDER_USERS) {
    const me = await get<{ providerId: string }>(
      request,
      await token(request, username),
      '/api/auth/me',
    );
    providers.set(me.providerId, username);
  }
  return providers;
}
