import { type APIRequestContext, expect } from '@playwright/test';
import { call, me, token } from './api';

/** Service projects set up through the API as staff (a unique title each test). */

/** The five required criteria, weights summing to 100. */
export const CRITERIA = [
  { code: 'price', name: '价格', weight: 30 },
  { code: 'professional_qualification', name: '专业资质', weight: 15 },
  { code: 'internal_governance', name: '内部治理', weight: 15 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 25 },
];
export const EVALUATORS = ['evaluator1', 'evaluator2', 'evaluator3'];

/** A tiny but real PDF: the API recognizes files by their leading bytes. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

export interface Project {
  id: string;
  status: string;
  closesAt: string;
  awards: { id: string; status: string }[];
}

/** The user ids of evaluator1..3, for a panel. */
export async function evaluatorIds(request: APIRequestContext): Promise<string[]> {
  const ids = [];
  for (const name of EVALUATORS) ids.push((await me(request, await token(request, name))).id);
  return ids;
}

/** Appoints evaluator1..3 as the project's panel. */
export async function appointPanel(request: APIRequestContext, staff: string, projectId: string) {
  await call(request, staff, 'put', `/api/procurement/projects/${projectId}/panel`, {
    evaluatorIds: await evaluatorIds(request),
  });
}

/**
 * A legal-aid project of the staff's district (¥120,000 ceiling), published to close
 * `closesInMs` from now; `panel` appoints evaluator1..3 first, `milestones` adds a payment plan
 * of 40% and 60%.
 */
export async function publishedProject(
  request: APIRequestContext,
  staff: string,
  title: string,
  closesInMs: number,
  { panel = false, milestones = false }: { panel?: boolean; milestones?: boolean } = {},
): Promise<Project> {
  const { areaId } = await me(request, staff);
  const draft = await call<Project>(request, staff, 'post', '/api/procurement/projects', {
    title,
    categoryCode: 'legal_aid',
    areaId,
    budgetFen: 12_000_000,
    targetHouseholds: 30,
    serviceStart: '2027-01-01',
    serviceEnd: '2027-12-31',
    description: '为困难家庭提供法律咨询、调解与诉讼代理',
    requirements: { minCertifiedSocialWorkers: 1, minYearsOperating: 1 },
    criteria: CRITERIA,
    ...(milestones
      ? {
          milestones: [
            { deliverable: '完成需求评估与服务计划', dueDate: '2027-03-31', sharePercent: 40 },
            { deliverable: '完成全部个案服务', dueDate: '2027-12-31', sharePercent: 60 },
          ],
        }
      : {}),
  });
  if (panel) await appointPanel(request, staff, draft.id);
  return call<Project>(request, staff, 'post', `/api/procurement/projects/${draft.id}/publish`, {
    closesAt: new Date(Date.now() + closesInMs).toISOString(),
  });
}

/** Waits for the deadline; the matcher closes bidding then, and staff close it if it lags. */
export async function biddingClosed(
  request: APIRequestContext,
  staff: string,
  projectId: string,
  { timeout = 30_000, interval = 1_000 } = {},
) {
  const url = `/api/procurement/projects/${projectId}`;
  await expect
    .poll(
      async () => {
        const p = await call<Project>(request, staff, 'get', url);
        if (p.status === 'published' && Date.parse(p.closesAt) < Date.now())
          await request.post(`${url}/close-bidding`, {
            headers: { authorization: staff },
            data: {},
          });
        return p.status;
      },
      { timeout, intervals: [interval] },
    )
    .toBe('bidding_closed');
}
