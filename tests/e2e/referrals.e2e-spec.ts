import { Clock } from '@onedoor/platform';
import { ReferralsService } from '@onedoor/matching';
import { eventually, withMatcher } from './support/matcher-process';
import { startApi, TestContext } from './support/test-app';

type Proposal = { id: string; resourceId: string; needId: string; status: string };
type NeedView = {
  needId: string;
  status: string;
  lastMatchedAt: string | null;
  proposals: Proposal[];
  rejected: Array<{ resourceId: string; reason: string }>;
};

describe('Approvals and referrals (e2e, with the matcher process)', () => {
  let ctx: TestContext;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(async () => {
    await ctx.close();
  });

  /** A district with staff, an assessor, a provider and one legal-aid resource in community A. */
  async function scenario(capacity = 5) {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const { provider, token: providerToken } = await ctx.newProviderWithUser(tree.district);
    const resource = await ctx.publishedResource(providerToken, staff, tree.communityA, {
      categoryCode: 'legal_aid',
      capacity,
    });
    return { tree, staff, assessor, provider, providerToken, resource };
  }

  const needsOf = async (token: string, householdId: string) =>
    (
      await ctx.http
        .get(`/api/households/${householdId}/matches`)
        .set('Authorization', token)
        .expect(200)
    ).body as NeedView[];

  /** A household with one legal-aid need, and that need's proposal for `resourceId`. */
  async function proposedHousehold(
    assessor: string,
    community: { id: string },
    resourceId: string,
  ) {
    const { household } = await ctx.assessedHousehold(assessor, community as never, {
      legal_dispute: true,
    });
    const proposal = await eventually(
      async () =>
        (await needsOf(assessor, household.id))
          .flatMap((n) => n.proposals)
          .find((p) => p.resourceId === resourceId && p.status === 'proposed'),
      20_000,
      'a proposal from the matcher',
    );
    return { household, proposal };
  }

  /** Civil-affairs staff approve a proposal: the referral it opens. */
  const approve = async (staff: string, proposalId: string) =>
    (
      await ctx.http
        .post(`/api/matches/${proposalId}/approve`)
        .set('Authorization', staff)
        .expect(201)
    ).body as { id: string; acceptDueAt: string };

  const counters = async (resourceId: string) =>
    (
      await ctx.dataSource.query(
        `SELECT capacity, reserved, delivered, status FROM resource WHERE id = $1`,
        [resourceId],
      )
    )[0] as { capacity: number; reserved: number; delivered: number; status: string };

  it('takes a need from proposal to delivered help and feedback, with counters, snapshot and audit', async () => {
    const s = await scenario(3);
    const { household, proposal } = await proposedHousehold(
      s.assessor,
      s.tree.communityA,
      s.resource.id,
    );

    const approved = await ctx.http
      .post(`/api/matches/${proposal.id}/approve`)
      .set('Authorization', s.staff)
      .expect(201);
    expect(approved.body).toMatchObject({
      status: 'open',
      resourceId: s.resource.id,
      overdue: false,
    });
    expect(approved.body.snapshot.household.facts).toBeDefined();
    expect(await counters(s.resource.id)).toMatchObject({ reserved: 1, delivered: 0 });
    const referralId = approved.body.id;

    // Editing the household afterwards leaves the decision snapshot as it was.
    const before = approved.body.snapshot;
    const current = await ctx.http
      .get(`/api/households/${household.id}`)
      .set('Authorization', s.assessor);
    await ctx.http
      .patch(`/api/households/${household.id}`)
      .set('Authorization', s.assessor)
      .send({ phone: '13900000000', version: current.body.version })
      .expect(200);
    const again = await ctx.http
      .get(`/api/referrals/${referralId}`)
      .set('Authorization', s.staff)
      .expect(200);
    expect(again.body.snapshot).toEqual(before);

    // Approving twice is refused with the state it is in.
    const twice = await ctx.http
      .post(`/api/matches/${proposal.id}/approve`)
      .set('Authorization', s.staff)
      .expect(409);
    expect(twice.body).toMatchObject({
      code: 'MATCH_NOT_PROPOSED',
      details: { status: 'approved' },
    });

    await ctx.http
      .post(`/api/referrals/${referralId}/accept`)
      .set('Authorization', s.providerToken)
      .expect(200);
    expect(await counters(s.resource.id)).toMatchObject({ reserved: 1, delivered: 0 });
    const delivered = await ctx.http
      .post(`/api/referrals/${referralId}/deliver`)
      .set('Authorization', s.providerToken)
      .send({ units: 1, amountFen: 0 })
      .expect(200);
    expect(delivered.body.status).toBe('delivered');
    expect(await counters(s.resource.id)).toMatchObject({ reserved: 0, delivered: 1 });
    // The provider cannot close; the assessor closes with the household's feedback.
    await ctx.http
      .post(`/api/referrals/${referralId}/close`)
      .set('Authorization', s.providerToken)
      .send({ satisfaction: 5, resolved: true })
      .expect(403);
    // Closed on the app's Clock: the need's end (which the reports' periods read) follows it.
    const closeAt = new Date(Date.now() + 3 * 86_400_000);
    const moved = jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(closeAt);
    const closed = await ctx.http
      .post(`/api/referrals/${referralId}/close`)
      .set('Authorization', s.assessor)
      .send({ satisfaction: 5, resolved: true, note: '服务很好' })
      .expect(200);
    moved.mockRestore();
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 5, needResolved: true });
    expect(closed.body.history.map((h: { action: string }) => h.action)).toEqual([
      'open',
      'accept',
      'deliver',
      'close',
    ]);
    const need = (await needsOf(s.assessor, household.id)).find(
      (n) => n.needId === proposal.needId,
    )!;
    expect(need.status).toBe('fulfilled');
    const [{ endedAt }] = await ctx.dataSource.query(
      `SELECT ended_at AS "endedAt" FROM need WHERE id = $1`,
      [proposal.needId],
    );
    expect(new Date(endedAt).toISOString()).toBe(closeAt.toISOString());

    const trail = await ctx.dataSource.query(
      `SELECT entity_type AS type, action FROM audit_log
        WHERE entity_id IN ($1, $2, $3, $4) ORDER BY id`,
      [proposal.id, referralId, proposal.needId, s.resource.id],
    );
    expect(trail).toEqual(
      expect.arrayContaining([
        { type: 'match_proposal', action: 'approve' },
        { type: 'resource', action: 'reserve' },
        { type: 'resource', action: 'deliver' },
        { type: 'need', action: 'fulfil' },
      ]),
    );
  });

  it('closes a resource whose delivered units reach its capacity (exhaust, audited)', async () => {
    const s = await scenario(1);
    const { proposal } = await proposedHousehold(s.assessor, s.tree.communityA, s.resource.id);
    const referral = await approve(s.staff, proposal.id);
    for (const action of ['accept', 'deliver']) {
      await ctx.http
        .post(`/api/referrals/${referral.id}/${action}`)
        .set('Authorization', s.providerToken)
        .send({})
        .expect(200);
    }
    expect(await counters(s.resource.id)).toMatchObject({ delivered: 1, status: 'closed' });
    const exhaust = await ctx.dataSource.query(
      `SELECT from_state AS "from", to_state AS "to", reason FROM audit_log
        WHERE entity_type = 'resource' AND entity_id = $1 AND action = 'exhaust'`,
      [s.resource.id],
    );
    expect(exhaust).toEqual([{ from: 'published', to: 'closed', reason: 'exhausted' }]);
  });

  it('approves exactly capacity out of 50 concurrent approvals and never over-commits', async () => {
    const s = await scenario(10);
    // 50 households with a legal-aid need, registered ten at a time.
    for (let i = 0; i < 50; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          ctx.assessedHousehold(s.assessor, s.tree.communityA, { legal_dispute: true }),
        ),
      );
    }
    const proposals: Array<{ id: string }> = await eventually(
      async () => {
        const rows = await ctx.dataSource.query(
          `SELECT id FROM match_proposal WHERE resource_id = $1 AND status = 'proposed'`,
          [s.resource.id],
        );
        return rows.length === 50 ? rows : undefined;
      },
      30_000,
      '50 proposals',
    );
    const answers = await Promise.all(
      proposals.map((p) =>
        ctx.http.post(`/api/matches/${p.id}/approve`).set('Authorization', s.staff),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(10);
    expect(statuses.filter((x) => x === 409)).toHaveLength(40);
    expect(
      answers
        .filter((a) => a.status === 409)
        .every((a) => a.body.code === 'RESOURCE_CAPACITY_EXHAUSTED'),
    ).toBe(true);
    const c = await counters(s.resource.id);
    expect(c.reserved + c.delivered).toBeLessThanOrEqual(c.capacity);
    expect(c).toMatchObject({ reserved: 10, delivered: 0 });
    const [states] = await ctx.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved,
              count(*) FILTER (WHERE status = 'expired')::int AS expired
         FROM match_proposal WHERE resource_id = $1`,
      [s.resource.id],
    );
    expect(states).toEqual({ approved: 10, expired: 40 });
  });

  it('refuses a rejection without reason, other streets, and a second decision', async () => {
    const s = await scenario();
    const { proposal } = await proposedHousehold(s.assessor, s.tree.communityA, s.resource.id);
    const noReason = await ctx.http
      .post(`/api/matches/${proposal.id}/reject`)
      .set('Authorization', s.staff)
      .send({})
      .expect(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    const otherStreet = await ctx.tokenFor('civil_affairs', s.tree.streetB);
    await ctx.http
      .post(`/api/matches/${proposal.id}/approve`)
      .set('Authorization', otherStreet)
      .expect(404);
    await ctx.http
      .post(`/api/matches/${proposal.id}/approve`)
      .set('Authorization', s.assessor)
      .expect(403);
    const rejected = await ctx.http
      .post(`/api/matches/${proposal.id}/reject`)
      .set('Authorization', s.staff)
      .send({ reason: '家庭已获同类帮扶' })
      .expect(200);
    expect(rejected.body.status).toBe('rejected');
    const late = await ctx.http
      .post(`/api/matches/${proposal.id}/approve`)
      .set('Authorization', s.staff)
      .expect(409);
    expect(late.body.details).toEqual({ status: 'rejected' });
    expect(await counters(s.resource.id)).toMatchObject({ reserved: 0 });
  });

  it("keeps a provider out of another provider's referrals", async () => {
    const s = await scenario();
    const { proposal } = await proposedHousehold(s.assessor, s.tree.communityA, s.resource.id);
    const referral = await approve(s.staff, proposal.id);
    const other = await ctx.newProviderWithUser(s.tree.district);
    await ctx.http
      .get(`/api/referrals/${referral.id}`)
      .set('Authorization', other.token)
      .expect(404);
    await ctx.http
      .post(`/api/referrals/${referral.id}/accept`)
      .set('Authorization', other.token)
      .expect(404);
    const list = await ctx.http.get('/api/referrals').set('Authorization', other.token).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    const own = await ctx.http
      .get('/api/referrals')
      .set('Authorization', s.providerToken)
      .expect(200);
    expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([referral.id]);
    // The provider's view leaves out the household's facts.
    const seen = await ctx.http
      .get(`/api/referrals/${referral.id}`)
      .set('Authorization', s.providerToken);
    expect(seen.body.snapshot.household.facts).toBeUndefined();
    expect(seen.body.snapshot.need.categoryCode).toBe('legal_aid');
  });

  it('a decline releases the unit, parks the resource and re-matches the need to another', async () => {
    const s = await scenario();
    const second = await ctx.publishedResource(s.providerToken, s.staff, s.tree.streetA, {
      categoryCode: 'legal_aid',
      serviceLevel: 'street',
    });
    const { household, proposal } = await proposedHousehold(
      s.assessor,
      s.tree.communityA,
      s.resource.id,
    );
    const referral = await approve(s.staff, proposal.id);
    const declined = await ctx.http
      .post(`/api/referrals/${referral.id}/decline`)
      .set('Authorization', s.providerToken)
      .send({ reason: 'capacity', note: '本月名额已满' })
      .expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'capacity' });
    expect(await counters(s.resource.id)).toMatchObject({ reserved: 0 });

    const need = await eventually(
      async () => {
        const n = (await needsOf(s.assessor, household.id)).find(
          (x) => x.needId === proposal.needId,
        )!;
        return n.proposals.some((p) => p.resourceId === second.id && p.status === 'proposed')
          ? n
          : undefined;
      },
      20_000,
      'the need re-matched to the other resource',
    );
    expect(need.status).toBe('matched');
    expect(need.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resourceId: s.resource.id, reason: 'PARKED' }),
      ]),
    );
    // Declining again is a transition from the wrong state.
    const again = await ctx.http
      .post(`/api/referrals/${referral.id}/decline`)
      .set('Authorization', s.providerToken)
      .send({ reason: 'other' })
      .expect(409);
    expect(again.body.code).toBe('REFERRAL_INVALID_TRANSITION');
  });

  it('escalates an overdue referral one level up, then expires it and releases its unit', async () => {
    const s = await scenario();
    const { household, proposal } = await proposedHousehold(
      s.assessor,
      s.tree.communityA,
      s.resource.id,
    );
    const referral = await approve(s.staff, proposal.id);
    const clock = ctx.app.get(Clock);
    const sweeper = ctx.app.get(ReferralsService);
    const at = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3600_000);
    const moved = jest.spyOn(clock, 'now');
    try {
      moved.mockReturnValue(at(referral.acceptDueAt, -1));
      await sweeper.sweep();
      let seen = await ctx.http.get(`/api/referrals/${referral.id}`).set('Authorization', s.staff);
      expect(seen.body.overdue).toBe(false);

      moved.mockReturnValue(at(referral.acceptDueAt, 1));
      await sweeper.sweep();
      seen = await ctx.http.get(`/api/referrals/${referral.id}`).set('Authorization', s.staff);
      // Approved by district staff: escalated to the city above.
      expect(seen.body).toMatchObject({
        status: 'open',
        overdue: true,
        escalatedToAreaId: s.tree.city.id,
      });
      const overdue = await ctx.http
        .get('/api/referrals?overdue=true')
        .set('Authorization', s.staff);
      expect(overdue.body.items.map((r: { id: string }) => r.id)).toContain(referral.id);
      // "Escalated to me": the city's staff see it, the district's (who approved it) do not.
      const ids = async (token: string, query: string) =>
        (
          await ctx.http.get(`/api/referrals?${query}`).set('Authorization', token).expect(200)
        ).body.items.map((r: { id: string }) => r.id);
      const cityStaff = await ctx.tokenFor('civil_affairs', s.tree.city);
      expect(await ids(cityStaff, 'escalatedToMe=true')).toContain(referral.id);
      expect(await ids(s.staff, 'escalatedToMe=true')).not.toContain(referral.id);
      expect(await ids(s.staff, `householdId=${household.id}`)).toEqual([referral.id]);
      expect(await ids(s.staff, `householdId=${s.tree.city.id}`)).toEqual([]);

      moved.mockReturnValue(
        at(referral.acceptDueAt, ctx.config.referrals.expireAfterOverdueHours + 1),
      );
      await sweeper.sweep();
    } finally {
      moved.mockRestore();
    }
    const expired = await ctx.http
      .get(`/api/referrals/${referral.id}`)
      .set('Authorization', s.staff);
    expect(expired.body.status).toBe('expired');
    expect(expired.body.history.map((h: { action: string }) => h.action)).toEqual([
      'open',
      'escalate',
      'expire',
    ]);
    expect(await counters(s.resource.id)).toMatchObject({ reserved: 0 });
  });

  it('closing with the need not resolved re-opens it and the matcher takes it up again', async () => {
    const s = await scenario();
    const { household, proposal } = await proposedHousehold(
      s.assessor,
      s.tree.communityA,
      s.resource.id,
    );
    const referral = await approve(s.staff, proposal.id);
    await ctx.http
      .post(`/api/referrals/${referral.id}/accept`)
      .set('Authorization', s.providerToken)
      .expect(200);
    await ctx.http
      .post(`/api/referrals/${referral.id}/deliver`)
      .set('Authorization', s.providerToken)
      .send({})
      .expect(200);
    const closedAt = Date.now();
    await ctx.http
      .post(`/api/referrals/${referral.id}/close`)
      .set('Authorization', s.staff)
      .send({ satisfaction: 2, resolved: false })
      .expect(200);
    // Re-matched: the resource that already served the household is refused this time.
    const need = await eventually(
      async () => {
        const n = (await needsOf(s.assessor, household.id)).find(
          (x) => x.needId === proposal.needId,
        )!;
        return n.lastMatchedAt && new Date(n.lastMatchedAt).getTime() >= closedAt - 1000
          ? n
          : undefined;
      },
      20_000,
      'the need re-matched',
    );
    expect(need.status).toBe('open');
    expect(need.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resourceId: s.resource.id, reason: 'DUPLICATE_ASSISTANCE' }),
      ]),
    );
  });
});
