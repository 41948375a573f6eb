import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { jobIds, QUEUES } from '@onedoor/platform';
import type { ResourceEntity } from '@onedoor/resources';
import { CALM_ANSWERS, startApi, type TestContext } from './support/test-app';

interface Rule {
  id: string;
  kind: string;
  category: { code: string; nameZh: string; nameEn: string } | null;
  resources: Array<{ id: string; title: string }> | null;
  periodMonths: number | null;
  note: string | null;
  version: number;
}

describe('Stacking rules and money gaps (e2e)', () => {
  let ctx: TestContext;
  let d: Awaited<ReturnType<TestContext['newDistrict']>>;
  let admin: string;
  let staff: string;
  let assessor: string;
  let otherAssessor: string;
  let providerUser: string;
  let resourceX: ResourceEntity;
  let resourceY: ResourceEntity;
  /** A category of this spec's own, so its rules change nothing other specs match on. */
  let categoryCode: string;

  beforeAll(async () => {
    ctx = await startApi();
    d = await ctx.newDistrict();
    admin = await ctx.tokenFor('admin');
    staff = await ctx.tokenFor('civil_affairs', d.streetA);
    assessor = await ctx.tokenFor('assessor', d.communityA);
    otherAssessor = await ctx.tokenFor('assessor', d.communityB);
    const { provider, token } = await ctx.newProviderWithUser(d.streetA);
    providerUser = token;
    resourceX = await ctx.factory.resource(provider, d.streetA);
    resourceY = await ctx.factory.resource(provider, d.streetA);
    categoryCode = `stk_${randomUUID().slice(0, 8)}`;
    await ctx.http
      .post('/api/categories')
      .set('Authorization', admin)
      .send({
        code: categoryCode,
        nameZh: '叠加测试',
        nameEn: 'Stacking test',
        purpose: 'survival',
      })
      .expect(201);
  });
  afterAll(() => ctx.close());

  const post = (token: string, body: object) =>
    ctx.http.post('/api/stacking-rules').set('Authorization', token).send(body);
  const audits = (entityId: string): Promise<Array<{ action: string; data: object }>> =>
    ctx.dataSource.query(`SELECT action, data FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      entityId,
    ]);

  describe('rules', () => {
    it('lets admin add, list, edit and delete a category rule, each change audited', async () => {
      const created = await post(admin, {
        kind: 'once_per_period',
        categoryCode,
        periodMonths: 12,
        note: '12个月内限一次',
      }).expect(201);
      const rule = created.body as Rule;
      expect(rule).toMatchObject({
        kind: 'once_per_period',
        category: { code: categoryCode, nameZh: '叠加测试', nameEn: 'Stacking test' },
        resources: null,
        periodMonths: 12,
        note: '12个月内限一次',
        version: 1,
      });

      // Staff read the table (with the category's names) to explain decisions.
      const listed = await ctx.http
        .get('/api/stacking-rules')
        .set('Authorization', staff)
        .expect(200);
      expect(listed.body).toContainEqual(
        expect.objectContaining({ id: rule.id, periodMonths: 12 }),
      );
      // The seeded rules are there too.
      expect(listed.body).toContainEqual(
        expect.objectContaining({
          kind: 'exclusive',
          category: expect.objectContaining({ code: 'basic_living' }),
        }),
      );
      await ctx.http.get('/api/stacking-rules').set('Authorization', assessor).expect(200);

      // Exclusive drops the period it no longer has.
      const edited = await ctx.http
        .patch(`/api/stacking-rules/${rule.id}`)
        .set('Authorization', admin)
        .send({ kind: 'exclusive', version: 1 })
        .expect(200);
      expect(edited.body).toMatchObject({ kind: 'exclusive', periodMonths: null, version: 2 });

      const stale = await ctx.http
        .patch(`/api/stacking-rules/${rule.id}`)
        .set('Authorization', admin)
        .send({ note: '旧版本', version: 1 })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION' });

      await ctx.http
        .delete(`/api/stacking-rules/${rule.id}`)
        .set('Authorization', admin)
        .expect(204);
      const after = await ctx.http
        .get('/api/stacking-rules')
        .set('Authorization', admin)
        .expect(200);
      expect((after.body as Rule[]).map((r) => r.id)).not.toContain(rule.id);
      await ctx.http
        .delete(`/api/stacking-rules/${rule.id}`)
        .set('Authorization', admin)
        .expect(404);

      expect((await audits(rule.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
      expect((await audits(rule.id))[2].data).toMatchObject({ categoryCode, kind: 'exclusive' });
    });

    it('refuses writes by civil-affairs staff (admin only: a city-wide policy)', async () => {
      await post(staff, { kind: 'exclusive', categoryCode }).expect(403);
      const [seeded] = (
        await ctx.http.get('/api/stacking-rules').set('Authorization', staff).expect(200)
      ).body as Rule[];
      await ctx.http
        .patch(`/api/stacking-rules/${seeded.id}`)
        .set('Authorization', staff)
        .send({ note: '改', version: seeded.version })
        .expect(403);
      await ctx.http
        .delete(`/api/stacking-rules/${seeded.id}`)
        .set('Authorization', staff)
        .expect(403);
      await ctx.http.get('/api/stacking-rules').set('Authorization', providerUser).expect(403);
    });

    it('stores a pair in order whichever way it is sent, and refuses the same pair again (409)', async () => {
      const [low, high] = [resourceX.id, resourceY.id].sort();
      const created = await post(admin, {
        kind: 'exclusive',
        resourceIds: [high, low],
      }).expect(201);
      expect((created.body as Rule).resources!.map((r) => r.id)).toEqual([low, high]);
      expect((created.body as Rule).resources![0].title).toBe(
        low === resourceX.id ? resourceX.title : resourceY.title,
      );
      const [row] = await ctx.dataSource.query(
        `SELECT resource_a_id AS a, resource_b_id AS b FROM stacking_rule WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toEqual({ a: low, b: high });

      const again = await post(admin, { kind: 'complementary', resourceIds: [low, high] }).expect(
        409,
      );
      expect(again.body).toMatchObject({
        code: 'STACKING_RULE_DUPLICATE',
        message: '该类别或该资源组合已有叠加规则，请修改原规则',
      });

      // A resource with itself is a pair too ("one grant per 12 months").
      const self = await post(admin, {
        kind: 'once_per_period',
        resourceIds: [resourceX.id, resourceX.id],
        periodMonths: 12,
      }).expect(201);
      expect((self.body as Rule).resources!.map((r) => r.id)).toEqual([resourceX.id, resourceX.id]);

      await ctx.http
        .delete(`/api/stacking-rules/${created.body.id}`)
        .set('Authorization', admin)
        .expect(204);
      await ctx.http
        .delete(`/api/stacking-rules/${self.body.id}`)
        .set('Authorization', admin)
        .expect(204);
    });

    it('refuses a second rule for a category (409)', async () => {
      const res = await post(admin, { kind: 'exclusive', categoryCode: 'medical' }).expect(409);
      expect(res.body).toMatchObject({ code: 'STACKING_RULE_DUPLICATE' });
    });

    it.each([
      [
        'a once_per_period rule without its period',
        { kind: 'once_per_period', categoryCode: '$cat' },
        'periodMonths',
        'stackingRulePeriodRequired',
      ],
      [
        'a period on an exclusive rule',
        { kind: 'exclusive', categoryCode: '$cat', periodMonths: 6 },
        'periodMonths',
        'stackingRulePeriodNotAllowed',
      ],
      [
        'both a category and a pair',
        { kind: 'exclusive', categoryCode: '$cat', resourceIds: ['$x', '$y'] },
        'categoryCode',
        'stackingRuleSubject',
      ],
      [
        'neither a category nor a pair',
        { kind: 'exclusive' },
        'resourceIds',
        'stackingRuleSubject',
      ],
      [
        'an unknown category',
        { kind: 'exclusive', categoryCode: 'no_such_category' },
        'categoryCode',
        'unknownCategory',
      ],
      [
        'an unknown resource',
        { kind: 'exclusive', resourceIds: ['$x', randomUUID()] },
        'resourceIds',
        'stackingRuleResource',
      ],
    ])('refuses %s with 422 on the field', async (_name, shape, field, constraint) => {
      const body = JSON.parse(
        JSON.stringify(shape)
          .replaceAll('$cat', categoryCode)
          .replaceAll('$x', resourceX.id)
          .replaceAll('$y', resourceY.id),
      );
      const res = await post(admin, body).expect(422);
      expect(res.body).toMatchObject({
        code: 'STACKING_RULE_INVALID',
        message: '叠加规则填写有误，请检查标出的字段',
      });
      expect(res.body.details).toContainEqual(
        expect.objectContaining({
          field,
          constraint,
          message: expect.stringMatching(/[\u4e00-\u9fff]/),
        }),
      );
      expect(
        await ctx.dataSource.query(`SELECT 1 FROM stacking_rule WHERE category_code = $1`, [
          categoryCode,
        ]),
      ).toEqual([]);
    });

    it('refuses a period out of 1–120 and a pair of three (400)', async () => {
      await post(admin, { kind: 'once_per_period', categoryCode, periodMonths: 121 }).expect(400);
      await post(admin, {
        kind: 'exclusive',
        resourceIds: [resourceX.id, resourceY.id, resourceX.id],
      }).expect(400);
    });

    it('refuses turning a rule into once_per_period without a period (422)', async () => {
      const rule = (await post(admin, { kind: 'exclusive', categoryCode }).expect(201))
        .body as Rule;
      const res = await ctx.http
        .patch(`/api/stacking-rules/${rule.id}`)
        .set('Authorization', admin)
        .send({ kind: 'once_per_period', version: rule.version })
        .expect(422);
      expect(res.body.details).toContainEqual(
        expect.objectContaining({
          field: 'periodMonths',
          constraint: 'stackingRulePeriodRequired',
        }),
      );
      await ctx.http
        .delete(`/api/stacking-rules/${rule.id}`)
        .set('Authorization', admin)
        .expect(204);
    });
  });

  describe('PUT /api/needs/:id/gap', () => {
    /** A household of community A assessed with a medical (money-gap) and a care need. */
    const householdWithNeeds = async () => {
      const { h, a } = await ctx.draftAssessment(assessor, d.communityA);
      await ctx.http
        .patch(`/api/assessments/${a.body.id}`)
        .set('Authorization', assessor)
        .send({ answers: CALM_ANSWERS })
        .expect(200);
      await ctx.http
        .post(`/api/assessments/${a.body.id}/complete`)
        .set('Authorization', assessor)
        .send({
          addNeeds: [
            {
              categoryCode: 'medical',
              severity: 4,
              urgency: 'urgent',
              reason: '白血病治疗自付费用',
            },
            { categoryCode: 'care', severity: 2, urgency: 'normal', reason: '需要日间照料' },
          ],
        })
        .expect(200);
      const needs = (
        await ctx.http
          .get(`/api/households/${h.body.id}/needs`)
          .set('Authorization', assessor)
          .expect(200)
      ).body as Array<{ id: string; categoryCode: string; gapFen: number | null }>;
      return {
        householdId: h.body.id as string,
        medical: needs.find((n) => n.categoryCode === 'medical')!,
        care: needs.find((n) => n.categoryCode === 'care')!,
      };
    };
    const putGap = (token: string, needId: string, gapFen: number | null) =>
      ctx.http.put(`/api/needs/${needId}/gap`).set('Authorization', token).send({ gapFen });

    it('sets the gap of a money-gap need, shows it on the needs, audits it for the timeline', async () => {
      const { householdId, medical } = await householdWithNeeds();
      expect(medical.gapFen).toBeNull();

      const res = await putGap(assessor, medical.id, 3_000_000).expect(200);
      expect(res.body).toMatchObject({ id: medical.id, gapFen: 3_000_000 });
      // The household is matched again for the gap: one job for this change (its time).
      const [{ updatedAt }] = await ctx.dataSource.query(
        `SELECT updated_at AS "updatedAt" FROM need WHERE id = $1`,
        [medical.id],
      );
      const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.matching));
      const job = await queue.getJob(
        jobIds.matchHouseholdAfterGap(householdId, medical.id, updatedAt),
      );
      expect(job?.data).toEqual({ householdId });
      const needs = (
        await ctx.http
          .get(`/api/households/${householdId}/needs`)
          .set('Authorization', staff)
          .expect(200)
      ).body as Array<{ id: string; gapFen: number | null }>;
      expect(needs.find((n) => n.id === medical.id)!.gapFen).toBe(3_000_000);

      // Staff of the street may change it; null removes it.
      await putGap(staff, medical.id, 2_500_000).expect(200);
      expect((await putGap(staff, medical.id, null).expect(200)).body.gapFen).toBeNull();

      const rows = await audits(medical.id);
      expect(rows.filter((r) => r.action === 'set_gap').map((r) => r.data)).toEqual([
        expect.objectContaining({
          householdId,
          categoryCode: 'medical',
          gapFen: 3_000_000,
          previousGapFen: null,
        }),
        expect.objectContaining({ householdId, gapFen: 2_500_000, previousGapFen: 3_000_000 }),
        expect.objectContaining({ householdId, gapFen: null, previousGapFen: 2_500_000 }),
      ]);
      const timeline = await ctx.dataSource.query(
        `SELECT 1 FROM audit_log WHERE entity_type = 'need' AND action = 'set_gap' AND data->>'householdId' = $1`,
        [householdId],
      );
      expect(timeline).toHaveLength(3);
    });

    it('refuses a need whose category has no money gap (422)', async () => {
      const { care } = await householdWithNeeds();
      const res = await putGap(assessor, care.id, 100_00).expect(422);
      expect(res.body).toMatchObject({
        code: 'NEED_GAP_NOT_APPLICABLE',
        message: '该类别的需求没有费用缺口',
      });
    });

    it('answers 404 outside the caller’s area, as for a need that does not exist', async () => {
      const { medical } = await householdWithNeeds();
      const outside = await putGap(otherAssessor, medical.id, 100_00).expect(404);
      const missing = await putGap(otherAssessor, randomUUID(), 100_00).expect(404);
      expect(outside.body).toEqual(missing.body);
      expect(outside.body).toMatchObject({ code: 'NEED_NOT_FOUND' });
      await putGap(providerUser, medical.id, 100_00).expect(403);
    });

    it('refuses a need no longer open (409)', async () => {
      const { medical } = await householdWithNeeds();
      // Fulfilment itself is the referrals' business; here only its result matters.
      await ctx.dataSource.query(
        `UPDATE need SET status = 'fulfilled', ended_at = now() WHERE id = $1`,
        [medical.id],
      );
      const res = await putGap(assessor, medical.id, 100_00).expect(409);
      expect(res.body).toMatchObject({ code: 'NEED_GAP_CLOSED' });
    });

    it('refuses an amount that is not a positive whole number of fen, or none at all (400)', async () => {
      const { medical } = await householdWithNeeds();
      await putGap(assessor, medical.id, 0).expect(400);
      await putGap(assessor, medical.id, 12.5).expect(400);
      await ctx.http
        .put(`/api/needs/${medical.id}/gap`)
        .set('Authorization', assessor)
        .send({})
        .expect(400);
    });
  });
});
