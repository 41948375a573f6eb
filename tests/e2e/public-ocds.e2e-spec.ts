import { randomUUID } from 'node:crypto';
import type { AreaEntity } from '@onedoor/areas';
import { Clock } from '@onedoor/platform';
import { ocdsPackageValidator } from '@onedoor/procurement/ocds/ocds-schema';
import { PROJECT_CRITERIA } from '../factories';
import { startApi, TestContext } from './support/test-app';

const HOUR = 3_600_000;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The public side of the API, called without a token: published tenders as OCDS (single and
// paged), the HSDS directory's filters, and the public area list the directory picks from.
describe('Public data without login: OCDS, HSDS filters, areas (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let staff: string;
  const validate = ocdsPackageValidator();

  beforeAll(async () => {
    ctx = await startApi({ PROCUREMENT_MIN_BIDDING_HOURS: '0' });
    tree = await ctx.newDistrict();
    staff = await ctx.tokenFor('civil_affairs', tree.district);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  async function draft(area: AreaEntity, title = `公开招标项目 ${randomUUID().slice(0, 6)}`) {
    const res = await ctx.http
      .post('/api/procurement/projects')
      .set('Authorization', staff)
      .send({
        title,
        categoryCode: 'care',
        areaId: area.id,
        budgetFen: 1_000_000,
        targetHouseholds: 40,
        serviceStart: '2027-01-01',
        serviceEnd: '2027-12-31',
        description: '个案管理、学业辅导与心理支持',
        requirements: { minCertifiedSocialWorkers: 3, minYearsOperating: 2 },
        criteria: PROJECT_CRITERIA,
      })
      .expect(201);
    return res.body as { id: string; title: string };
  }

  async function published(area: AreaEntity) {
    const p = await draft(area);
    const res = await ctx.http
      .post(`/api/procurement/projects/${p.id}/publish`)
      .set('Authorization', staff)
      .send({ closesAt: new Date(Date.now() + HOUR).toISOString() })
      .expect(200);
    return res.body as { id: string; title: string; closesAt: string };
  }

  async function bidOn(projectId: string, priceFen: number) {
    const org = await ctx.newProviderWithUser(tree.district, {
      kind: 'social_work_org',
      name: `投标机构${randomUUID().slice(0, 6)}`,
    });
    await ctx.http
      .post(`/api/procurement/projects/${projectId}/bids`)
      .set('Authorization', org.token)
      .send({
        priceFen,
        proposal: '服务方案',
        team: { certifiedSocialWorkers: 5, yearsOperating: 6, staffCount: 12 },
        attachments: [{ name: '方案.pdf', mediaType: 'application/pdf', sizeBytes: 20480 }],
      })
      .expect(201);
    return org.provider;
  }

  it('serves a published tender as OCDS without a token, bids sealed until bidding closes', async () => {
    const p = await published(tree.district);
    const bidder = await bidOn(p.id, 876_543);

    const open = await ctx.http.get(`/api/procurement/projects/${p.id}/ocds`).expect(200);
    expect(validate(open.body).errors).toEqual([]);
    const text = JSON.stringify(open.body);
    expect(text).toContain(p.title);
    expect(text).not.toContain(bidder.id);
    expect(text).not.toContain(bidder.name);
    expect(text).not.toContain('8765');
    for (const r of open.body.releases as Json[]) {
      expect(r.bids).toBeUndefined();
      expect(r.tender.tenderers).toBeUndefined();
    }

    jest
      .spyOn(ctx.app.get(Clock), 'now')
      .mockReturnValue(new Date(new Date(p.closesAt).getTime() + 1_000));
    await ctx.http
      .post(`/api/procurement/projects/${p.id}/close-bidding`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    const closed = await ctx.http.get(`/api/procurement/projects/${p.id}/ocds`).expect(200);
    expect(validate(closed.body).errors).toEqual([]);
    expect(JSON.stringify(closed.body)).toContain(bidder.name);
    expect((closed.body.releases as Json[]).at(-1)!.bids.details).toEqual([
      expect.objectContaining({ value: { amount: 8_765.43, currency: 'CNY' } }),
    ]);
  });

  it('answers 404 for a draft, with or without a token', async () => {
    const d = await draft(tree.district);
    await ctx.http.get(`/api/procurement/projects/${d.id}/ocds`).expect(404);
    await ctx.http
      .get(`/api/procurement/projects/${d.id}/ocds`)
      .set('Authorization', staff)
      .expect(404);
    await ctx.http.get(`/api/procurement/projects/${randomUUID()}/ocds`).expect(404);
  });

  it('lists every published project as a release package, paged, newest first, no drafts', async () => {
    const d = await draft(tree.district);
    const older = await published(tree.district);
    const newer = await published(tree.streetA);
    const page = await ctx.http.get('/api/public/ocds/releases?limit=100').expect(200);
    expect(page.body).toMatchObject({ page: 1, limit: 100 });
    const ids = (page.body.items as Json[]).map((pkg) => pkg.releases[0].tender.id);
    expect(ids).toContain(older.id);
    expect(ids).not.toContain(d.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    for (const pkg of page.body.items) expect(validate(pkg).errors).toEqual([]);
    expect(page.body.total).toBeGreaterThanOrEqual(2);

    const one = await ctx.http.get('/api/public/ocds/releases?limit=1&page=2').expect(200);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.items[0].releases[0].tender.id).toBe(ids[1]);
    await ctx.http.get('/api/public/ocds/releases?limit=1000').expect(400);
  });

  it('filters the HSDS directory by category and by the area a service covers', async () => {
    const { token } = await ctx.newProviderWithUser(tree.district);
    const inA = await ctx.publishedResource(token, staff, tree.communityA, {
      categoryCode: 'medical',
    });
    const inB = await ctx.publishedResource(token, staff, tree.communityB, {
      categoryCode: 'medical',
    });
    const districtWide = await ctx.publishedResource(token, staff, tree.district, {
      categoryCode: 'legal_aid',
      serviceLevel: 'district',
    });
    const ids = async (query: string) => {
      const res = await ctx.http.get(`/api/exports/hsds/services?limit=100&${query}`).expect(200);
      return (res.body.contents as Json[]).map((s) => s.id as string);
    };

    const inCommunityA = await ids(`area=${tree.communityA.id}`);
    expect(inCommunityA).toEqual(expect.arrayContaining([inA.id, districtWide.id]));
    expect(inCommunityA).not.toContain(inB.id);

    const medicalInA = await ids(`area=${tree.communityA.id}&category=medical`);
    expect(medicalInA).toEqual([inA.id]);

    const legal = await ids('category=legal_aid');
    expect(legal).toContain(districtWide.id);
    expect(legal).not.toContain(inA.id);

    expect(await ids(`area=${randomUUID()}`)).toEqual([]);
    await ctx.http.get('/api/exports/hsds/services?area=not-a-uuid').expect(400);
  });

  it('lists areas by level and parent without a token, names and tree only', async () => {
    const res = await ctx.http
      .get(`/api/public/areas?parentId=${tree.streetA.id}&limit=100`)
      .expect(200);
    expect(res.body.items).toEqual([
      {
        id: tree.communityA.id,
        level: 'community',
        code: tree.communityA.code,
        name: tree.communityA.name,
        parentId: tree.streetA.id,
      },
    ]);
    // Under its own city: the e2e database holds every spec's districts, more than a page of
    // them by now, in an order that does not put this one first.
    const districts = await ctx.http
      .get(`/api/public/areas?level=district&parentId=${tree.district.parentId}&limit=100`)
      .expect(200);
    expect(districts.body.items.map((a: Json) => a.id)).toContain(tree.district.id);
    expect(districts.body.items[0]).not.toHaveProperty('minimumLivingStandardFen');
  });
});
