import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AreaEntity } from '@onedoor/areas';
import { Clock } from '@onedoor/platform';
import { newEvaluators } from './support/procurement';
import { startApi, TestContext } from './support/test-app';

const HOUR = 3_600_000;
const MAX_BYTES = 64 * 1024;
const CRITERIA = [
  { code: 'professional_qualification', name: '专业资质', weight: 20 },
  { code: 'internal_governance', name: '内部治理', weight: 10 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 25 },
  { code: 'price', name: '价格', weight: 30 },
];
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('服务方案正文 '.repeat(50))]);
/** A Windows program's header, named as a PDF. */
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), Buffer.alloc(200)]);

type Project = { id: string; closesAt: string };

// Files of a bid are sealed with it: before close nobody but the bidder even learns they exist.
describe('Bid files: uploads sealed with the bid (e2e)', () => {
  let ctx: TestContext;
  let clock: Clock;
  let filesDir: string;

  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'onedoor-bid-files-'));
    ctx = await startApi({
      PROCUREMENT_MIN_BIDDING_HOURS: '0',
      FILES_DIR: filesDir,
      FILES_MAX_BYTES: String(MAX_BYTES),
    });
    clock = ctx.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await ctx.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  async function tender(staff: string, area: AreaEntity): Promise<Project> {
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
    const res = await ctx.http
      .post(`/api/procurement/projects/${draft.body.id}/publish`)
      .set('Authorization', staff)
      .send({ closesAt: new Date(Date.now() + HOUR).toISOString() })
      .expect(200);
    return res.body as Project;
  }

  const bidBody = (priceFen: number) => ({
    priceFen,
    proposal: `服务方案，报价 ${priceFen} 分`,
    team: { certifiedSocialWorkers: 5, yearsOperating: 6, staffCount: 12 },
  });

  const upload = (token: string, bidId: string, content: Buffer, filename: string) =>
    ctx.http
      .post(`/api/bids/${bidId}/files`)
      .set('Authorization', token)
      .attach('file', content, { filename, contentType: 'application/pdf' });

  const list = (token: string, bidId: string) =>
    ctx.http.get(`/api/bids/${bidId}/files`).set('Authorization', token);
  const download = (token: string, bidId: string, fileId: string) =>
    ctx.http
      .get(`/api/bids/${bidId}/files/${fileId}`)
      .set('Authorization', token)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('only the bidder lists and downloads before close (404 for all others, admin included); after close the bid’s readers do', async () => {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const admin = await ctx.tokenFor('admin');
    const assessor = await ctx.tokenFor('assessor', tree.district);
    const p = await tender(staff, tree.district);
    const a = await ctx.newProviderWithUser(tree.district, { kind: 'social_work_org' });
    const b = await ctx.newProviderWithUser(tree.district, { kind: 'social_work_org' });
    const bidA = (
      await ctx.http
        .post(`/api/procurement/projects/${p.id}/bids`)
        .set('Authorization', a.token)
        .send(bidBody(800_000))
        .expect(201)
    ).body;
    await ctx.http
      .post(`/api/procurement/projects/${p.id}/bids`)
      .set('Authorization', b.token)
      .send(bidBody(820_000))
      .expect(201);
    const panel = await newEvaluators(ctx, 3);
    await ctx.http
      .put(`/api/procurement/projects/${p.id}/panel`)
      .set('Authorization', staff)
      .send({ evaluatorIds: panel.map((e) => e.id) })
      .expect(200);

    const uploaded = await upload(a.token, bidA.id, PDF, '服务方案.pdf').expect(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(uploaded.body).toMatchObject({
      name: '服务方案.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256,
    });
    const fileId = uploaded.body.id as string;
    // The same content again is a second record but one blob on disk.
    const again = await upload(a.token, bidA.id, PDF, '服务方案-副本.pdf').expect(201);
    expect(again.body.sha256).toBe(sha256);
    expect(await readdir(join(filesDir, sha256.slice(0, 2)))).toEqual([sha256]);

    expect((await list(a.token, bidA.id).expect(200)).body.items).toHaveLength(2);
    const own = await download(a.token, bidA.id, fileId).expect(200);
    expect(Buffer.compare(own.body as Buffer, PDF)).toBe(0);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E6%9C%8D%E5%8A%A1%E6%96%B9%E6%A1%88.pdf`,
    );

    const others = { admin, staff, otherBidder: b.token, panel: panel[0].token, assessor };
    for (const [who, token] of Object.entries(others)) {
      const listed = await list(token, bidA.id);
      const got = await download(token, bidA.id, fileId);
      expect([who, listed.status, got.status]).toEqual([who, 404, 404]);
    }

    // Replacing the bid carries its files to the new version.
    const replaced = await ctx.http
      .put(`/api/bids/${bidA.id}`)
      .set('Authorization', a.token)
      .send(bidBody(790_000))
      .expect(200);
    const carried = (await list(a.token, replaced.body.id).expect(200)).body.items;
    expect(carried.map((f: { id: string }) => f.id).sort()).toEqual([fileId, again.body.id].sort());

    // Close: past the deadline, by staff.
    jest.spyOn(clock, 'now').mockReturnValue(new Date(new Date(p.closesAt).getTime() + 1_000));
    await ctx.http
      .post(`/api/procurement/projects/${p.id}/close-bidding`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    for (const token of [staff, admin, panel[0].token, b.token, a.token]) {
      expect((await list(token, replaced.body.id).expect(200)).body.items).toHaveLength(2);
      const got = await download(token, replaced.body.id, fileId).expect(200);
      expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    }
    await list(assessor, replaced.body.id).expect(404);
    // A file of another bid is not reachable through this one.
    await download(staff, replaced.body.id, '00000000-0000-4000-8000-000000000000').expect(404);
    // After close the files are as immutable as the bid.
    const late = await upload(a.token, replaced.body.id, PDF, 'late.pdf').expect(409);
    expect(late.body.code).toBe('BIDDING_NOT_OPEN');
    // The upload is on the bid's record, readable in full now that it is open.
    const history = (
      await ctx.http.get(`/api/bids/${bidA.id}`).set('Authorization', staff).expect(200)
    ).body.history as Array<{ action: string; data: Record<string, unknown> }>;
    expect(history.filter((h) => h.action === 'attach_file').map((h) => h.data.fileId)).toEqual(
      expect.arrayContaining([fileId, again.body.id]),
    );
  });

  it('refuses a program renamed .pdf (415), a file over FILES_MAX_BYTES (413) and a non-multipart body (415), in the one error body', async () => {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const p = await tender(staff, tree.district);
    const a = await ctx.newProviderWithUser(tree.district, { kind: 'social_work_org' });
    const bid = (
      await ctx.http
        .post(`/api/procurement/projects/${p.id}/bids`)
        .set('Authorization', a.token)
        .send(bidBody(800_000))
        .expect(201)
    ).body;

    const exe = await upload(a.token, bid.id, EXE, '发票.pdf').expect(415);
    expect(exe.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.any(String),
      details: { declaredType: 'application/pdf' },
    });
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]);
    const tooLarge = await upload(a.token, bid.id, big, '大文件.pdf').expect(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const json = await ctx.http
      .post(`/api/bids/${bid.id}/files`)
      .set('Authorization', a.token)
      .send({ file: 'not a file' })
      .expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // Nothing was kept of the refused uploads.
    expect((await list(a.token, bid.id).expect(200)).body.items).toEqual([]);
    // Another organization cannot attach to this bid: for it the bid does not exist.
    const b = await ctx.newProviderWithUser(tree.district, { kind: 'social_work_org' });
    await upload(b.token, bid.id, PDF, 'x.pdf').expect(404);
  });
});
