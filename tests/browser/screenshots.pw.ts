import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login } from './support/login';

/**
 * The README's pictures of the console: docs/screenshots/<page>.png at 1440×900, one test per
 * page, each signed in as the demo user who works on that page. Run by `npm run screenshots`
 * (playwright.screenshots.config.ts), never by the normal browser run. A page that does not
 * exist (the console's 404) or never shows its heading fails its test and keeps its old picture.
 */
const folder = join(__dirname, '..', '..', 'docs', 'screenshots');
mkdirSync(folder, { recursive: true });

test.use({ viewport: { width: 1440, height: 900 } });

/** An access token for the API, to pick the ids the pages are shown with. */
async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.ok(), `login of ${username}: ${res.status()}`).toBeTruthy();
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function apiGet<T>(request: APIRequestContext, token: string, path: string): Promise<T> {
  const res = await request.get(path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.ok(), `GET ${path}: ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

interface Paged<T> {
  items: T[];
}

/** Waits until the page has settled (data loaded, no spinner), then saves its picture. */
async function shoot(page: Page, name: string, path: string): Promise<void> {
  await page.goto(path);
  // A live connection (an event stream) keeps the network busy: settle for what is there.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  const notFound = page.locator('.ant-result-404');
  await expect(page.getByRole('heading', { level: 4 }).or(notFound).first()).toBeVisible();
  expect(await notFound.count(), `${path} is not a page (yet): the console answers 404`).toBe(0);
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
  // Let Ant Design's entrance motions finish.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

test('login', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await page.screenshot({ path: join(folder, 'login.png') });
});

for (const [name, path, user] of [
  ['home', '/', 'civil.street'],
  ['caseload', '/cases', 'assessor'],
  ['households', '/households', 'civil.street'],
  ['household-new', '/households/new', 'assessor'],
  ['import', '/imports', 'assessor'],
  ['dashboard', '/dashboard', 'civil.district'],
  ['approvals', '/approvals', 'civil.district'],
  ['referrals', '/referrals', 'civil.district'],
  ['resource-review', '/resources/review', 'civil.district'],
  ['applications', '/applications', 'civil.district'],
  ['users', '/users', 'admin'],
  ['organizations', '/organizations', 'admin'],
  ['areas', '/areas', 'admin'],
  ['procurement', '/procurement', 'civil.district'],
  ['contracts', '/contracts', 'civil.district'],
  ['notifications', '/notifications', 'civil.street'],
  ['profile', '/profile', 'civil.street'],
] as const) {
  test(name, async ({ page }) => {
    await login(page, user);
    await shoot(page, name, path);
  });
}

test('household', async ({ page, request }) => {
  // A demo household of the street with open proposals; the matcher makes them after the seed,
  // so a fresh stack may need a little while.
  const token = await tokenOf(request, 'civil.street');
  let householdId: string | undefined;
  await expect(async () => {
    const { items } = await apiGet<Paged<{ id: string }>>(
      request,
      token,
      '/api/households?limit=50',
    );
    for (const h of items) {
      const needs = await apiGet<{ proposals: unknown[] }[]>(
        request,
        token,
        `/api/households/${h.id}/proposals`,
      );
      if (needs.some((n) => n.proposals.length > 0)) {
        householdId = h.id;
        return;
      }
    }
    throw new Error('no household of 新华街道 has proposals yet');
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await login(page, 'civil.street');
  await shoot(page, 'household', `/households/${householdId}`);
});

test('case', async ({ page, request }) => {
  // A case of the demo assessor's (the seed registers their street's households): its timeline.
  const token = await tokenOf(request, 'assessor');
  const { items } = await apiGet<Paged<{ id: string }>>(
    request,
    token,
    '/api/cases?assignedTo=me&status=open&limit=1',
  );
  expect(items.length, 'the demo assessor has no case').toBeGreaterThan(0);
  await login(page, 'assessor');
  await shoot(page, 'case', `/cases/${items[0].id}?tab=timeline`);
});

test('assessment', async ({ page, request }) => {
  // A draft of the assessor's: one the demo left, or a new one on a demo household.
  const token = await tokenOf(request, 'assessor');
  const { items } = await apiGet<Paged<{ id: string }>>(request, token, '/api/households?limit=20');
  expect(items.length).toBeGreaterThan(0);
  let draftId: string | undefined;
  for (const h of items) {
    const assessments = await apiGet<{ id: string; status: string }[]>(
      request,
      token,
      `/api/households/${h.id}/assessments`,
    );
    draftId = assessments.find((a) => a.status === 'draft')?.id;
    if (draftId) break;
  }
  if (!draftId) {
    const res = await request.post(`/api/households/${items[0].id}/assessments`, {
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      data: {},
    });
    expect(res.ok(), `new assessment: ${res.status()} ${await res.text()}`).toBeTruthy();
    draftId = ((await res.json()) as { id: string }).id;
  }
  await login(page, 'assessor');
  await shoot(page, 'assessment', `/assessments/${draftId}`);
});

// The public pages: no sign-in.
for (const [name, path] of [
  ['public-directory', '/public/resources'],
  ['public-tenders', '/public/tenders'],
] as const) {
  test(name, async ({ page }) => {
    await shoot(page, name, path);
  });
}
