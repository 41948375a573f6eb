import { Clock } from '@onedoor/platform';
import { ProposalDeadlinesService, ReferralsService } from '@onedoor/matching';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';

type Proposal = { id: string; resourceId: string; needId: string; status: string };
type Row = {
  type: string;
  entity_id: string;
  provider_id: string | null;
  audience: unknown[];
  data: Record<string, unknown>;
};
const HOUR = 3_600_000;

/**
 * Matching's notices as the outbox holds them: written with the approval (and not when it rolls
 * back), and by the sweeps at the right time and once however often they run (clock moved).
 */
describe('Matching notices (e2e, with the matcher process)', () => {
  let ctx: TestContext;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await ctx.close();
  });

  async function scenario(capacity: number) {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const staffUser = (await ctx.http.get('/api/auth/me').set('Authorization', staff).expect(200))
      .body as { id: string };
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const { provider, token: providerToken } = await ctx.newProviderWithUser(tree.district);
    const resource = await ctx.publishedResource(providerToken, staff, tree.communityA, {
      categoryCode: 'legal_aid',
      capacity,
    });
    return { tree, staff, staffUser, assessor, provider, providerToken, resource };
  }

  async function proposed(assessor: string, community: { id: string }, resourceId: string) {
    const { household } = await ctx.assessedHousehold(assessor, community as never, {
      legal_dispute: true,
    });
    return eventually(
      async () =>
        (
          (
            await ctx.http
              .get(`/api/households/${household.id}/matches`)
              .set('Authorization', assessor)
              .expect(200)
          ).body as Array<{ proposals: Proposal[] }>
        )
          .flatMap((n) => n.proposals)
          .find((p) => p.resourceId === resourceId && p.status === 'proposed'),
      20_000,
      'a proposal from the matcher',
    );
  }

  const events = (type: string, entityId: string) =>
    ctx.dataSource.query<Row[]>(
      `SELECT type, entity_id, provider_id, audience, data FROM outbox_event
        WHERE type = $1 AND entity_id = $2 ORDER BY id`,
      [type, entityId],
    );
  const clockAt = (when: Date) => jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(when);

  it('tells the provider of an approval in its transaction, and nothing when it rolls back', async () => {
    const s = await scenario(1);
    const first = await proposed(s.assessor, s.tree.communityA, s.resource.id);
    const second = await proposed(s.assessor, s.tree.communityA, s.resource.id);
    const referral = (
      await ctx.http
        .post(`/api/matches/${first.id}/approve`)
        .set('Authorization', s.staff)
        .expect(201)
    ).body as { id: string; acceptDueAt: string };
    const [created] = await events('referral.created', referral.id);
    expect(created).toMatchObject({
      provider_id: s.provider.id,
      audience: [{ providerId: s.provider.id }],
      data: {
        referralId: referral.id,
        proposalId: first.id,
        resourceTitle: s.resource.title,
        acceptDueAt: referral.acceptDueAt,
      },
    });
    // No identity number or phone travels in a notice.
    expect(JSON.stringify(created.data)).not.toMatch(/1380013|idNumber|phone/i);

    // The second approval finds no unit left: it rolls back, and so does its notice.
    await ctx.http
      .post(`/api/matches/${second.id}/approve`)
      .set('Authorization', s.staff)
      .expect(409);
    const leaked = await ctx.dataSource.query(
      `SELECT id FROM outbox_event WHERE type = 'referral.created' AND data->>'proposalId' = $1`,
      [second.id],
    );
    expect(leaked).toEqual([]);
  });

  it('reminds of an accept deadline 24 h ahead, then notifies overdue and escalation, once each', async () => {
    const s = await scenario(5);
    const p = await proposed(s.assessor, s.tree.communityA, s.resource.id);
    const referral = (
      await ctx.http.post(`/api/matches/${p.id}/approve`).set('Authorization', s.staff).expect(201)
    ).body as { id: string; acceptDueAt: string };
    const due = new Date(referral.acceptDueAt).getTime();
    const sweeper = ctx.app.get(ReferralsService);

    clockAt(new Date(due - 25 * HOUR));
    await sweeper.sweep();
    expect(await events('referral.accept_due_soon', referral.id)).toEqual([]);

    clockAt(new Date(due - 2 * HOUR));
    await sweeper.sweep();
    await sweeper.sweep();
    const soon = await events('referral.accept_due_soon', referral.id);
    expect(soon).toHaveLength(1);
    expect(soon[0].audience).toEqual([
      { providerId: s.provider.id },
      { userIds: [s.staffUser.id] },
    ]);
    expect(soon[0].data).toMatchObject({ dueAt: referral.acceptDueAt, status: 'open' });
    expect(await events('referral.overdue', referral.id)).toEqual([]);

    clockAt(new Date(due + HOUR));
    await sweeper.sweep();
    await sweeper.sweep();
    expect(await events('referral.overdue', referral.id)).toHaveLength(1);
    const escalated = await events('referral.escalated', referral.id);
    // Approved by district staff: escalated to the city's civil-affairs staff.
    expect(escalated).toEqual([
      expect.objectContaining({
        audience: [{ roles: ['civil_affairs'], areaPath: s.tree.city.path }],
        data: expect.objectContaining({ escalatedToAreaId: s.tree.city.id }),
      }),
    ]);
  });

  it('reminds of a deliver deadline once the referral is accepted, once', async () => {
    const s = await scenario(5);
    const p = await proposed(s.assessor, s.tree.communityA, s.resource.id);
    const referral = (
      await ctx.http.post(`/api/matches/${p.id}/approve`).set('Authorization', s.staff).expect(201)
    ).body as { id: string; deliverDueAt: string };
    await ctx.http
      .post(`/api/referrals/${referral.id}/accept`)
      .set('Authorization', s.providerToken)
      .expect(200);
    const sweeper = ctx.app.get(ReferralsService);
    clockAt(new Date(new Date(referral.deliverDueAt).getTime() - 3 * HOUR));
    await sweeper.sweep();
    await sweeper.sweep();
    const soon = await events('referral.deliver_due_soon', referral.id);
    expect(soon).toHaveLength(1);
    expect(soon[0].data).toMatchObject({ dueAt: referral.deliverDueAt, status: 'accepted' });
  });

  it('gives a waiting proposal an approval deadline, then marks it overdue and escalates it once', async () => {
    const s = await scenario(5);
    const p = await proposed(s.assessor, s.tree.communityA, s.resource.id);
    const [row] = await ctx.dataSource.query<
      Array<{ created_at: Date; approval_due_at: Date; urgency: string }>
    >(`SELECT created_at, approval_due_at, urgency FROM match_proposal WHERE id = $1`, [p.id]);
    const hours =
      ctx.config.staffSla.approvalHours[row.urgency === 'emergency' ? 'emergency' : 'normal'];
    // Fixed by the matcher's clock when it proposed: within a second of the row's creation.
    expect(
      Math.abs(row.approval_due_at.getTime() - row.created_at.getTime() - hours * HOUR),
    ).toBeLessThan(5_000);

    const sweeper = ctx.app.get(ProposalDeadlinesService);
    clockAt(new Date(row.approval_due_at.getTime() - HOUR));
    await sweeper.sweep();
    expect(await events('proposal.approval_overdue', p.id)).toEqual([]);

    clockAt(new Date(row.approval_due_at.getTime() + HOUR));
    await sweeper.sweep();
    await sweeper.sweep();
    const overdue = await events('proposal.approval_overdue', p.id);
    expect(overdue).toEqual([
      expect.objectContaining({
        audience: [{ roles: ['civil_affairs'], areaPath: s.tree.communityA.path }],
        data: expect.objectContaining({
          proposalId: p.id,
          resourceTitle: s.resource.title,
          dueAt: row.approval_due_at.toISOString(),
        }),
      }),
    ]);
    expect(await events('proposal.escalated', p.id)).toEqual([
      expect.objectContaining({
        audience: [{ roles: ['civil_affairs'], areaPath: s.tree.streetA.path }],
        data: expect.objectContaining({ escalatedToAreaId: s.tree.streetA.id }),
      }),
    ]);
    const [after] = await ctx.dataSource.query(
      `SELECT status, escalated_to_area_id FROM match_proposal WHERE id = $1`,
      [p.id],
    );
    expect(after).toEqual({ status: 'proposed', escalated_to_area_id: s.tree.streetA.id });

    // The staff-steps SLA report counts it (as of the moved clock), and the review on time.
    const day = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const query = `areaId=${s.tree.communityA.id}&from=${day(new Date())}&to=${day(
      new Date(row.approval_due_at.getTime() + 24 * HOUR),
    )}`;
    const report = await ctx.http
      .get(`/api/reports/staff-sla?${query}`)
      .set('Authorization', s.staff)
      .expect(200);
    expect(report.body.rows).toEqual([
      expect.objectContaining({
        key: 'proposal_approval',
        steps: 1,
        due: 1,
        onTime: 0,
        overdue: 1,
        escalated: 1,
      }),
      expect.objectContaining({ key: 'resource_review', steps: 1, due: 1, onTime: 1, overdue: 0 }),
      expect.objectContaining({ key: 'provider_application', steps: 0 }),
    ]);
    const csv = await ctx.http
      .get(`/api/reports/staff-sla?${query}&format=csv`)
      .set('Authorization', s.staff)
      .expect(200);
    expect(csv.text.split('\n')[0]).toContain('按时办结率');
    expect(csv.text).toContain('proposal_approval,匹配建议审批,');
  });
});
