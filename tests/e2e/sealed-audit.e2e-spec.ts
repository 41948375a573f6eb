import type { AreaEntity } from '@onedoor/areas';
import { Clock } from '@onedoor/platform';
import { startApi, TestContext } from './support/test-app';

const HOUR = 3_600_000;
const CRITERIA = [
  { code: 'professional_qualification', name: '专业资质', weight: 20 },
  { code: 'internal_governance', name: '内部治理', weight: 10 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 25 },
  { code: 'price', name: '价格', weight: 30 },
];

type AuditRow = {
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  at: string;
  data: Record<string, unknown> | null;
};

/**
 * Issue 16, "Sealed bids": while bidding is open no one — admin included — learns from the audit
 * trail who bid (the actor, the organization through that user's other rows) or which bids
 * replace which; once bidding closes the rows read in full.
 */
describe('Sealed bids in the audit trail (e2e)', () => {
  let ctx: TestContext;
  let clock: Clock;

  beforeAll(async () => {
    ctx = await startApi({ PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    clock = ctx.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  async function publishedProject(staff: string, area: AreaEntity) {
    const draft = await ctx.http
      .post('/api/procurement/projects')
      .set('Authorization', staff)
      .send({
        title: '困境儿童关爱服务项目',
        categoryCode: 'care',
        areaId: area.id,
        budgetFen: 1_000_000,
        targetHouseholds: 40,
        serviceStart: '2027-01-01',
        serviceEnd: '2027-12-31',
        description: '个案管理、学业辅导与心理支持',
        requirements: { minCertifiedSocialWorkers: 3, minYearsOperating: 2 },
        criteria: CRITERIA,
      })
      .expect(201);
    const published = await ctx.http
      .post(`/api/procurement/projects/${draft.body.id}/publish`)
      .set('Authorization', staff)
      .send({ closesAt: new Date(clock.now().getTime() + HOUR).toISOString() })
      .expect(200);
    return published.body as { id: string; closesAt: string };
  }

  const bidBody = (priceFen: number) => ({
    priceFen,
    proposal: `服务方案，报价 ${priceFen} 分`,
    team: { certifiedSocialWorkers: 5, yearsOperating: 6, staffCount: 12 },
    attachments: [{ name: '方案.pdf', mediaType: 'application/pdf', sizeBytes: 20480 }],
  });

  /** A verified social-work organization with a user: its id, name, user id and token. */
  async function bidder(area: AreaEntity) {
    const { provider, token } = await ctx.newProviderWithUser(area, {
      kind: 'social_work_org',
      verification: 'verified',
    });
    const [user] = await ctx.dataSource.query(`SELECT id FROM app_user WHERE provider_id = $1`, [
      provider.id,
    ]);
    return { provider, token, userId: user.id as string };
  }

  /** Every page of GET /audit with that query. */
  async function auditRows(token: string, query: string): Promise<AuditRow[]> {
    const rows: AuditRow[] = [];
    for (let page = 1; ; page += 1) {
      const res = await ctx.http
        .get(`/api/audit?${query ? `${query}&` : ''}limit=100&page=${page}`)
        .set('Authorization', token)
        .expect(200);
      rows.push(...res.body.items);
      if (res.body.items.length < 100) return rows;
    }
  }

  it('hides bidders and replacement links from every audit read until bidding closes', async () => {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const admin = await ctx.tokenFor('admin', null);
    const project = await publishedProject(staff, tree.district);
    const a = await bidder(tree.district);
    const b = await bidder(tree.district);
    const first = await ctx.http
      .post(`/api/procurement/projects/${project.id}/bids`)
      .set('Authorization', a.token)
      .send(bidBody(810_000))
      .expect(201);
    const replacement = await ctx.http
      .put(`/api/bids/${first.body.id}`)
      .set('Authorization', a.token)
      .send(bidBody(790_000))
      .expect(200);
    const other = await ctx.http
      .post(`/api/procurement/projects/${project.id}/bids`)
      .set('Authorization', b.token)
      .send(bidBody(820_000))
      .expect(201);
    const bidIds = [first.body.id, replacement.body.id, other.body.id] as string[];

    /** Every audit read an admin (or staff) has, and each bidder's view of its own bid. */
    const reads = async () => {
      const out: Array<{ what: string; rows: AuditRow[] }> = [];
      for (const [role, token] of [
        ['admin', admin],
        ['civil_affairs', staff],
      ] as const) {
        out.push({ what: `GET /audit (${role})`, rows: await auditRows(token, '') });
        out.push({
          what: `GET /audit?entityType=bid (${role})`,
          rows: await auditRows(token, 'entityType=bid'),
        });
        for (const id of bidIds) {
          out.push({
            what: `GET /audit?entityId=bid (${role})`,
            rows: await auditRows(token, `entityType=bid&entityId=${id}`),
          });
        }
        const shown = await ctx.http
          .get(`/api/procurement/projects/${project.id}`)
          .set('Authorization', token)
          .expect(200);
        out.push({
          what: `GET /procurement/projects/:id history (${role})`,
          rows: shown.body.history,
        });
      }
      for (const [who, token, id] of [
        ['A', a.token, replacement.body.id],
        ['B', b.token, other.body.id],
      ] as const) {
        const own = await ctx.http.get(`/api/bids/${id}`).set('Authorization', token).expect(200);
        out.push({ what: `GET /bids/:id history (bidder ${who})`, rows: own.body.history });
      }
      return out;
    };
    const ofProject = (rows: AuditRow[]) =>
      rows.filter((r) => r.entityType === 'bid' && bidIds.includes(r.entityId));

    // Sealed: the rows are there (submit, replace, submit, submit), and say nothing of who.
    const sealed = await reads();
    const adminBidRows = ofProject(sealed[1].rows);
    expect(adminBidRows.map((r) => r.action).sort()).toEqual([
      'replace',
      'submit',
      'submit',
      'submit',
    ]);
    const secrets = [
      a.userId,
      b.userId,
      a.provider.id,
      b.provider.id,
      a.provider.name,
      b.provider.name,
    ];
    const leaks = sealed.flatMap(({ what, rows }) => {
      const text = JSON.stringify(ofProject(rows));
      return [
        ...secrets.filter((s) => text.includes(s)).map((s) => `${what}: shows ${s}`),
        ...ofProject(rows)
          .filter(
            (r) =>
              r.actorId !== null || (r.data && Object.keys(r.data).some((k) => k !== 'projectId')),
          )
          .map(
            (r) =>
              `${what}: ${r.action} row carries ${JSON.stringify({ actorId: r.actorId, data: r.data })}`,
          ),
      ];
    });
    expect(leaks).toEqual([]);
    // Nor the time to the second, which could be matched to the user's other rows: the day only.
    expect(adminBidRows.map((r) => r.at.slice(11))).toEqual(Array(4).fill('16:00:00.000Z'));
    // Nor across the reads: no bid row names another bid.
    const all = JSON.stringify(sealed.flatMap((s) => ofProject(s.rows)));
    expect(all).not.toMatch(/"replace(s|dBy)"/);

    // Closed: the rows read as written.
    jest
      .spyOn(clock, 'now')
      .mockReturnValue(new Date(new Date(project.closesAt).getTime() + 1_000));
    await ctx.http
      .post(`/api/procurement/projects/${project.id}/close-bidding`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    const opened = ofProject((await reads())[1].rows);
    const submitOf = (id: string) =>
      opened.find((r) => r.entityId === id && r.action === 'submit')!;
    expect(submitOf(first.body.id).actorId).toBe(a.userId);
    expect(submitOf(replacement.body.id)).toMatchObject({
      actorId: a.userId,
      data: { projectId: project.id, replaces: first.body.id },
    });
    expect(submitOf(other.body.id).actorId).toBe(b.userId);
    const [written] = await ctx.dataSource.query(
      `SELECT at FROM audit_log WHERE entity_id = $1 AND action = 'submit'`,
      [other.body.id],
    );
    expect(submitOf(other.body.id).at).toBe((written.at as Date).toISOString());
    expect(opened.find((r) => r.action === 'replace')).toMatchObject({
      entityId: first.body.id,
      actorId: a.userId,
      data: { projectId: project.id, replacedBy: replacement.body.id },
    });
  });
});
