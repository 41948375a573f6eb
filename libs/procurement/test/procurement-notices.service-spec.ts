import { PerformanceService, ProcurementModule } from '@onedoor/procurement';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { bidBody, Tenders } from './tender';

type Row = {
  type: string;
  entity_type: string;
  audience: unknown[];
  data: Record<string, unknown>;
};

describe('Procurement notices (outbox rows)', () => {
  let ctx: ServiceContext;
  let t: Tenders;

  beforeAll(async () => {
    ctx = await startServices([ProcurementModule], { PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    t = new Tenders(ctx);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const eventsAbout = (...entityIds: string[]) =>
    ctx.dataSource.query<Row[]>(
      `SELECT type, entity_type, audience, data FROM outbox_event
        WHERE entity_id = ANY($1) ORDER BY id`,
      [entityIds],
    );

  it('tells organizations of a tender, the panel of its assignment, bidders and staff of the award and the contract', async () => {
    const { tree, org, project, contract } = await t.awardedContract();
    const rows = await eventsAbout(project.id, contract.id);
    const byType = (type: string) => rows.filter((r) => r.type === type);
    const districtPath = tree.district.path;

    const [tender] = byType('tender.published');
    expect(tender.audience).toContainEqual({ providerId: org.provider.id });
    expect(tender.data).toMatchObject({ projectId: project.id, projectTitle: project.title });

    const [assigned] = byType('evaluation.assigned');
    expect((assigned.audience[0] as { userIds: string[] }).userIds).toHaveLength(3);

    const awardRows = await ctx.dataSource.query<Row[]>(
      `SELECT type, entity_type, audience, data FROM outbox_event
        WHERE type = 'award.made' AND data->>'projectId' = $1`,
      [project.id],
    );
    expect(awardRows).toHaveLength(1);
    expect(awardRows[0].audience).toEqual([
      { providerId: org.provider.id },
      { roles: ['civil_affairs'], areaPath: districtPath },
    ]);
    expect(awardRows[0].data).toMatchObject({ winnerProviderId: org.provider.id });

    expect(byType('contract.signed')).toEqual([
      expect.objectContaining({
        entity_type: 'contract',
        audience: [
          { providerId: org.provider.id },
          { roles: ['civil_affairs'], areaPath: districtPath },
        ],
        data: expect.objectContaining({ contractId: contract.id }),
      }),
    ]);
  });

  it('tells evaluators of a performance evaluation, then them and the organization that comments are open', async () => {
    const { staff, org, contract } = await t.awardedContract();
    const performance = ctx.get(PerformanceService);
    const [gov, expert, resident] = await t.evaluators(3);
    const opened = await performance.open(
      contract.id,
      {
        kind: 'mid_term',
        evaluators: [
          { userId: gov.userId, type: 'government' },
          { userId: expert.userId, type: 'third_party' },
          { userId: resident.userId, type: 'recipient_representative' },
        ],
      },
      staff,
    );
    const evaluationId = opened.evaluations.find((e) => e.status === 'open')!.id;
    const userIds = [gov.userId, expert.userId, resident.userId];
    const assigned = (await eventsAbout(contract.id)).filter(
      (r) => r.type === 'evaluation.assigned',
    );
    expect(assigned).toEqual([
      expect.objectContaining({
        audience: [{ userIds }],
        data: expect.objectContaining({ evaluationId, contractId: contract.id }),
      }),
    ]);
    for (const e of [gov, expert, resident]) {
      await performance.submit(
        evaluationId,
        {
          administrativeSupervision: 80,
          serviceOutcomes: 80,
          projectManagement: 80,
          socialImpact: 80,
        },
        e,
      );
    }
    await performance.complete(evaluationId, staff);
    const open = (await eventsAbout(contract.id)).filter(
      (r) => r.type === 'evaluation.comment_open',
    );
    expect(open).toHaveLength(1);
    expect(open[0].audience).toEqual([
      { userIds: expect.arrayContaining(userIds) },
      { providerId: org.provider.id },
    ]);
    expect(open[0].data).toMatchObject({ evaluationId, commentDueAt: expect.any(String) });
  });

  it('tells the winner and the staff when an award is declined', async () => {
    const { tree, staff } = await t.world();
    const p = await t.published(staff, tree.district);
    const org = await ctx.factory.socialWorkOrg(tree.district);
    const bidId = (await t.bids.submit(p.id, bidBody(800_000), org.principal)).id;
    const panel = await t.evaluators(3);
    await t.setPanel(staff, p.id, panel);
    await t.closeBidding(staff, p);
    await t.evaluateLoneBid(staff, p.id, bidId, panel, 70);
    const awarded = await t.awards.award(p.id, { bidId, justification: '唯一合格投标' }, staff);
    const awardId = awarded.awards[0].id;
    await t.awards.respond(awardId, 'declined', '人手不足', org.principal);
    const declined = await ctx.dataSource.query<Row[]>(
      `SELECT type, entity_type, audience, data FROM outbox_event
        WHERE type = 'award.declined' AND entity_id = $1`,
      [awardId],
    );
    expect(declined).toEqual([
      expect.objectContaining({
        audience: [
          { providerId: org.provider.id },
          { roles: ['civil_affairs'], areaPath: tree.district.path },
        ],
        data: expect.objectContaining({ awardId, reason: '人手不足' }),
      }),
    ]);
  });
});
