import type { TestContext } from './test-app';

export type Evaluator = { id: string; token: string };

/** The quality criteria every test project uses (price is scored by formula). */
export const QUALITY_CRITERIA = [
  'professional_qualification',
  'internal_governance',
  'human_resources',
  'service_proposal',
];

/** `n` evaluator accounts, logged in. */
export async function newEvaluators(ctx: TestContext, n: number): Promise<Evaluator[]> {
  const list: Evaluator[] = [];
  for (let i = 0; i < n; i += 1) {
    const user = await ctx.newUser('evaluator');
    list.push({ id: user.id, token: `Bearer ${await ctx.login(user.username)}` });
  }
  return list;
}

/**
 * For a closed tender with one bid and a panel in place: qualifies the bid, starts the
 * evaluation, and has every panel member declare no conflict and give `score` everywhere.
 */
export async function evaluateLoneBid(
  ctx: TestContext,
  staff: string,
  projectId: string,
  bidId: string,
  panel: Evaluator[],
  score: number,
): Promise<void> {
  await ctx.http
    .post(`/api/bids/${bidId}/qualify`)
    .set('Authorization', staff)
    .send({})
    .expect(200);
  await ctx.http
    .post(`/api/procurement/projects/${projectId}/start-evaluation`)
    .set('Authorization', staff)
    .send({})
    .expect(200);
  for (const e of panel) {
    await ctx.http
      .post(`/api/procurement/projects/${projectId}/declarations`)
      .set('Authorization', e.token)
      .send({ declarations: [{ bidId, conflict: false }] })
      .expect(201);
    await ctx.http
      .post(`/api/bids/${bidId}/scores`)
      .set('Authorization', e.token)
      .send({ scores: QUALITY_CRITERIA.map((criterion) => ({ criterion, score })) })
      .expect(201);
  }
}
