import { Queue } from 'bullmq';
import { AssessmentsService, HouseholdExitService, HouseholdsService } from '@onedoor/households';
import { PiiCipher, QUEUES, jobIds } from '@onedoor/platform';
import { CALM_ANSWERS, newIdNumber, startApi, TestContext } from './support/test-app';

describe('Households and assessments (e2e)', () => {
  let ctx: TestContext;
  let tree: Awaited<ReturnType<TestContext['newDistrict']>>;
  let assessorA: string;

  beforeAll(async () => {
    ctx = await startApi();
    tree = await ctx.newDistrict();
    assessorA = await ctx.tokenFor('assessor', tree.streetA);
  });
  afterAll(() => ctx.close());

  describe('personal data', () => {
    it('stores identity numbers only as digest and ciphertext, and shows them masked', async () => {
      const id = newIdNumber('1949-12-31', 'female');
      const res = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(
          ctx.householdBody(tree.communityA, {
            members: [{ name: '李桂兰', relation: 'self', idNumber: id, employment: 'retired' }],
          }),
        );
      expect(res.status).toBe(201);
      expect(res.body.members[0]).toMatchObject({
        idNumber: `${id.slice(0, 6)}********${id.slice(-4)}`,
        birthDate: '1949-12-31',
        gender: 'female',
      });
      expect(JSON.stringify(res.body)).not.toContain(id);

      const [row] = await ctx.dataSource.query(
        `SELECT * FROM household_member WHERE household_id = $1`,
        [res.body.id],
      );
      expect(JSON.stringify(row)).not.toContain(id);
      expect(JSON.stringify(row)).not.toContain(id.slice(6, 14)); // not even the birth-date digits in a row
      const pii = ctx.app.get(PiiCipher);
      expect(pii.decrypt(row.id_enc)).toBe(id);
      // Nowhere else either: not in the household, its audit rows or an assessment snapshot.
      const { body: assessment } = await ctx.http
        .post(`/api/households/${res.body.id}/assessments`)
        .set('Authorization', assessorA)
        .send({})
        .expect(201);
      await ctx.http
        .patch(`/api/assessments/${assessment.id}`)
        .set('Authorization', assessorA)
        .send({ answers: CALM_ANSWERS })
        .expect(200);
      await ctx.http
        .post(`/api/assessments/${assessment.id}/complete`)
        .set('Authorization', assessorA)
        .send({})
        .expect(200);
      const [{ n }] = await ctx.dataSource.query(
        `SELECT (SELECT count(*) FROM household h WHERE h::text LIKE $1)
              + (SELECT count(*) FROM audit_log a WHERE a::text LIKE $1)
              + (SELECT count(*) FROM assessment s WHERE s::text LIKE $1)
              + (SELECT count(*) FROM household_member m WHERE m::text LIKE $1) AS n`,
        [`%${id}%`],
      );
      expect(Number(n)).toBe(0);
      expect(row.id_hmac).toBe(pii.digest(id));
    });

    it('answers a wrong check digit with 400 naming the member', async () => {
      const good = newIdNumber();
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const res = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(
          ctx.householdBody(tree.communityA, {
            members: [{ name: '某', relation: 'self', idNumber: bad, employment: 'employed' }],
          }),
        );
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { field: 'members.0.idNumber', messages: ['idNumber has a wrong check digit (GB 11643)'] },
      ]);
    });

    it('refuses a second household with the same head (409), naming it only to those who may see it', async () => {
      const head = newIdNumber('1970-01-01');
      const body = ctx.householdBody(tree.communityA, {
        members: [{ name: '赵强', relation: 'self', idNumber: head, employment: 'employed' }],
      });
      const first = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(body)
        .expect(201);
      const again = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(body);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'HOUSEHOLD_DUPLICATE',
        details: { existingHouseholdId: first.body.id },
      });

      const assessorB = await ctx.tokenFor('assessor', tree.streetB);
      const elsewhere = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorB)
        .send({ ...body, communityId: tree.communityB.id });
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body.code).toBe('HOUSEHOLD_DUPLICATE');
      expect(elsewhere.body.details).toBeUndefined();
    });

    it('flags a member who already belongs to another active household', async () => {
      const shared = newIdNumber('2010-05-05');
      const child = {
        name: '小明',
        relation: 'child',
        idNumber: shared,
        employment: 'student',
        educationStage: 'primary',
      };
      const first = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(
          ctx.householdBody(tree.communityA, {
            members: [
              { name: '父', relation: 'self', idNumber: newIdNumber(), employment: 'employed' },
              child,
            ],
          }),
        )
        .expect(201);
      expect(first.body.warnings).toEqual([]);
      const second = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(
          ctx.householdBody(tree.communityA, {
            members: [
              {
                name: '母',
                relation: 'self',
                idNumber: newIdNumber('1982-02-02', 'female'),
                employment: 'employed',
              },
              child,
            ],
          }),
        );
      expect(second.status).toBe(201);
      expect(second.body.warnings).toEqual([
        expect.objectContaining({
          code: 'MEMBER_IN_OTHER_HOUSEHOLD',
          memberIndex: 1,
          householdId: first.body.id,
        }),
      ]);
    });

    it('masks phones in lists and shows them in full to a reader in scope', async () => {
      const created = await ctx.http
        .post('/api/households')
        .set('Authorization', assessorA)
        .send(ctx.householdBody(tree.communityA))
        .expect(201);
      expect(created.body.phone).toBe('13812345678');
      const list = await ctx.http
        .get(`/api/households?communityId=${tree.communityA.id}&limit=100`)
        .set('Authorization', assessorA);
      const item = list.body.items.find((h: { id: string }) => h.id === created.body.id);
      expect(item.phone).toBe('138****5678');
    });
  });

  it('keeps households inside the reader’s area, by id and in lists', async () => {
    const created = await ctx.http
      .post('/api/households')
      .set('Authorization', assessorA)
      .send(ctx.householdBody(tree.communityA))
      .expect(201);
    for (const token of [
      await ctx.tokenFor('assessor', tree.streetB),
      await ctx.tokenFor('civil_affairs', tree.streetB),
    ]) {
      await ctx.http
        .get(`/api/households/${created.body.id}`)
        .set('Authorization', token)
        .expect(404);
      await ctx.http
        .get(`/api/households/${created.body.id}/needs`)
        .set('Authorization', token)
        .expect(404);
      const list = await ctx.http.get('/api/households?limit=100').set('Authorization', token);
      expect(list.body.items.map((h: { id: string }) => h.id)).not.toContain(created.body.id);
    }
    const assessment = await ctx.http
      .post(`/api/households/${created.body.id}/assessments`)
      .set('Authorization', assessorA)
      .send({})
      .expect(201);
    const assessorB = await ctx.tokenFor('assessor', tree.streetB);
    await ctx.http
      .patch(`/api/households/${created.body.id}`)
      .set('Authorization', assessorB)
      .send({ version: 1, address: 'x' })
      .expect(404);
    await ctx.http
      .post(`/api/households/${created.body.id}/assessments`)
      .set('Authorization', assessorB)
      .send({})
      .expect(404);
    await ctx.http
      .get(`/api/assessments/${assessment.body.id}`)
      .set('Authorization', assessorB)
      .expect(404);
    await ctx.http
      .patch(`/api/assessments/${assessment.body.id}`)
      .set('Authorization', assessorB)
      .send({ answers: {} })
      .expect(404);
    const district = await ctx.tokenFor('civil_affairs', tree.district);
    await ctx.http
      .get(`/api/households/${created.body.id}`)
      .set('Authorization', district)
      .expect(200);
    const provider = await ctx.tokenFor('provider', tree.district);
    await ctx.http
      .get(`/api/households/${created.body.id}`)
      .set('Authorization', provider)
      .expect(403);
  });

  describe('assessment completion', () => {
    it('refuses to complete with items unanswered, listing them', async () => {
      const { a } = await ctx.draftAssessment(assessorA, tree.communityA);
      const { sudden_event: _s, housing_condition: _h, ...partial } = CALM_ANSWERS;
      await ctx.http
        .patch(`/api/assessments/${a.body.id}`)
        .set('Authorization', assessorA)
        .send({ answers: partial })
        .expect(200);
      const res = await ctx.http
        .post(`/api/assessments/${a.body.id}/complete`)
        .set('Authorization', assessorA)
        .send({});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ASSESSMENT_INCOMPLETE');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'answers.housing_condition',
        'answers.sudden_event',
      ]);
      const wrong = await ctx.http
        .patch(`/api/assessments/${a.body.id}`)
        .set('Authorization', assessorA)
        .send({ answers: { housing_condition: 'castle' } });
      expect(wrong.status).toBe(400);
    });

    it('computes tier and needs from the rules, freezes the assessment and queues one matching job', async () => {
      const { household, assessment } = await ctx.assessedHousehold(assessorA, tree.communityA, {
        housing_condition: 'dangerous',
        chronic_condition: 'severe',
        legal_dispute: true,
        sudden_event: true,
      });
      expect(assessment).toMatchObject({
        status: 'completed',
        tier: 'subsistence',
        circle: 1,
        templateVersion: 1,
      });
      expect(
        assessment.needs
          .map((n: { categoryCode: string; severity: number; urgency: string; source: string }) => [
            n.categoryCode,
            n.severity,
            n.urgency,
            n.source,
          ])
          .sort(),
      ).toEqual(
        [
          ['emergency', 5, 'emergency', 'rule:emergency'],
          ['housing', 5, 'urgent', 'rule:housing-dangerous'],
          ['legal_aid', 3, 'normal', 'rule:legal'],
          ['medical', 4, 'normal', 'rule:medical-severe'],
        ].sort(),
      );
      expect(assessment.dimensionScores.housing).toBeGreaterThan(0);
      const needs = await ctx.http
        .get(`/api/households/${household.id}/needs`)
        .set('Authorization', assessorA);
      expect(needs.body.filter((n: { status: string }) => n.status === 'open')).toHaveLength(4);

      await ctx.http
        .patch(`/api/assessments/${assessment.id}`)
        .set('Authorization', assessorA)
        .send({ answers: { legal_dispute: false } })
        .expect(409);
      const again = await ctx.http
        .post(`/api/assessments/${assessment.id}/complete`)
        .set('Authorization', assessorA)
        .send({});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ASSESSMENT_NOT_DRAFT');

      const queue = new Queue(QUEUES.matching, {
        connection: { url: process.env.REDIS_URL! },
        prefix: process.env.QUEUE_PREFIX,
      });
      try {
        const job = await queue.getJob(jobIds.matchHousehold(household.id, assessment.id));
        expect(job?.data).toEqual({ householdId: household.id });
        expect(job?.opts.priority).toBe(1); // an emergency need takes the green channel
        const waiting = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
        expect(waiting.filter((j) => j.data.householdId === household.id)).toHaveLength(1);
        // Enqueuing the same household and assessment again adds nothing.
        await queue.add('match-household', job!.data, { jobId: job!.id });
        expect(
          (await queue.getJobs(['waiting', 'prioritized'])).filter(
            (j) => j.data.householdId === household.id,
          ),
        ).toHaveLength(1);
      } finally {
        await queue.close();
      }
    });

    it('records needs the assessor adds and removes, with reasons, in the audit', async () => {
      const { a } = await ctx.draftAssessment(assessorA, tree.communityA);
      await ctx.http
        .patch(`/api/assessments/${a.body.id}`)
        .set('Authorization', assessorA)
        .send({ answers: { ...CALM_ANSWERS, legal_dispute: true } });
      const done = await ctx.http
        .post(`/api/assessments/${a.body.id}/complete`)
        .set('Authorization', assessorA)
        .send({
          addNeeds: [
            {
              categoryCode: 'psychological',
              severity: 3,
              urgency: 'normal',
              reason: '丧偶后情绪低落',
            },
          ],
          removeNeeds: [{ categoryCode: 'legal_aid', reason: '纠纷已调解' }],
        });
      expect(done.status).toBe(200);
      expect(
        done.body.needs.map((n: { categoryCode: string; source: string }) => [
          n.categoryCode,
          n.source,
        ]),
      ).toEqual([['psychological', 'assessor']]);
      const staff = await ctx.tokenFor('civil_affairs', tree.district);
      const audit = await ctx.http
        .get(`/api/audit?entityType=assessment&entityId=${a.body.id}`)
        .set('Authorization', staff);
      expect(
        audit.body.items.map((i: { action: string; reason: string | null }) => [
          i.action,
          i.reason,
        ]),
      ).toEqual([
        ['start', null],
        ['complete', null],
        ['add_need', '丧偶后情绪低落'],
        ['remove_need', '纠纷已调解'],
      ]);
    });
  });

  it('completes once when two completions race, queuing one job', async () => {
    const { h, a } = await ctx.draftAssessment(assessorA, tree.communityA);
    await ctx.http
      .patch(`/api/assessments/${a.body.id}`)
      .set('Authorization', assessorA)
      .send({ answers: { ...CALM_ANSWERS, legal_dispute: true } })
      .expect(200);
    const [one, two] = await Promise.all([
      ctx.http
        .post(`/api/assessments/${a.body.id}/complete`)
        .set('Authorization', assessorA)
        .send({}),
      ctx.http
        .post(`/api/assessments/${a.body.id}/complete`)
        .set('Authorization', assessorA)
        .send({}),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const needs = await ctx.http
      .get(`/api/households/${h.body.id}/needs`)
      .set('Authorization', assessorA);
    expect(needs.body).toHaveLength(1);
    const queue = new Queue(QUEUES.matching, {
      connection: { url: process.env.REDIS_URL! },
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      const jobs = await queue.getJobs(['waiting', 'prioritized', 'active', 'completed', 'failed']);
      expect(jobs.filter((j) => j.data.householdId === h.body.id)).toHaveLength(1);
    } finally {
      await queue.close();
    }
    const [row] = await ctx.dataSource.query(
      `SELECT match_enqueued_at FROM assessment WHERE id = $1`,
      [a.body.id],
    );
    expect(row.match_enqueued_at).not.toBeNull();
  });

  it('queues matching later for a completion whose job never reached Redis (outbox sweep)', async () => {
    const { household, assessment } = await ctx.assessedHousehold(assessorA, tree.communityA, {
      legal_dispute: true,
    });
    const queue = new Queue(QUEUES.matching, {
      connection: { url: process.env.REDIS_URL! },
      prefix: process.env.QUEUE_PREFIX,
    });
    try {
      // As if Redis had lost it: the job gone, the outbox column empty.
      await (await queue.getJob(jobIds.matchHousehold(household.id, assessment.id)))!.remove();
      await ctx.dataSource.query(`UPDATE assessment SET match_enqueued_at = NULL WHERE id = $1`, [
        assessment.id,
      ]);
      expect(await ctx.app.get(AssessmentsService).enqueuePendingMatches()).toBeGreaterThanOrEqual(
        1,
      );
      expect(await queue.getJob(jobIds.matchHousehold(household.id, assessment.id))).toBeDefined();
    } finally {
      await queue.close();
    }
  });

  it('keeps the template version a completed assessment used after the template changes', async () => {
    const { assessment } = await ctx.assessedHousehold(assessorA, tree.communityA);
    const admin = await ctx.tokenFor('admin');
    const templates = await ctx.http.get('/api/assessment-templates').set('Authorization', admin);
    const latest = templates.body.find((t: { code: string }) => t.code === 'comprehensive');
    const published = await ctx.http
      .post('/api/assessment-templates')
      .set('Authorization', admin)
      .send({
        code: 'comprehensive',
        name: '困难家庭综合评估（修订）',
        definition: latest.definition,
      });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(latest.version + 1);

    const old = await ctx.http
      .get(`/api/assessments/${assessment.id}`)
      .set('Authorization', assessorA);
    expect(old.body).toMatchObject({
      templateId: assessment.templateId,
      templateVersion: assessment.templateVersion,
    });
    const h = await ctx.http
      .post('/api/households')
      .set('Authorization', assessorA)
      .send(ctx.householdBody(tree.communityA))
      .expect(201);
    const fresh = await ctx.http
      .post(`/api/households/${h.body.id}/assessments`)
      .set('Authorization', assessorA)
      .send({});
    expect(fresh.body.templateVersion).toBe(latest.version + 1);

    const broken = await ctx.http
      .post('/api/assessment-templates')
      .set('Authorization', admin)
      .send({
        code: 'comprehensive',
        name: 'x',
        definition: {
          ...latest.definition,
          needRules: [
            {
              id: 'x',
              when: { item: 'nope', equals: true },
              category: 'medical',
              severity: 3,
              urgency: 'normal',
            },
          ],
        },
      });
    expect(broken.status).toBe(400);
    expect(broken.body.details[0].field).toBe('definition.needRules[0].when');
  });

  it('lets a household whose income rose exit gradually: exiting with a grace end, then exited', async () => {
    const head = newIdNumber('1975-07-07');
    const { household } = await ctx.assessedHousehold(
      assessorA,
      tree.communityA,
      { income_stability: 'unstable' },
      ctx.householdBody(tree.communityA, {
        members: [
          {
            name: '陈',
            relation: 'self',
            idNumber: head,
            employment: 'unemployed',
            monthlyIncomeFen: 50_000,
          },
        ],
      }),
    );
    const before = await ctx.http
      .get(`/api/households/${household.id}`)
      .set('Authorization', assessorA);
    expect(before.body).toMatchObject({ status: 'active', tier: 'subsistence' });

    // The head finds work: income well above twice the standard.
    await ctx.http
      .patch(`/api/households/${household.id}`)
      .set('Authorization', assessorA)
      .send({
        version: before.body.version,
        members: [
          {
            name: '陈',
            relation: 'self',
            idNumber: head,
            employment: 'employed',
            monthlyIncomeFen: 600_000,
          },
        ],
      })
      .expect(200);
    const a2 = await ctx.http
      .post(`/api/households/${household.id}/assessments`)
      .set('Authorization', assessorA)
      .send({});
    await ctx.http
      .patch(`/api/assessments/${a2.body.id}`)
      .set('Authorization', assessorA)
      .send({ answers: { ...CALM_ANSWERS, wants_training: true } });
    const done = await ctx.http
      .post(`/api/assessments/${a2.body.id}/complete`)
      .set('Authorization', assessorA)
      .send({});
    expect(done.body).toMatchObject({ tier: null, circle: null });

    const exiting = await ctx.http
      .get(`/api/households/${household.id}`)
      .set('Authorization', assessorA);
    expect(exiting.body.status).toBe('exiting');
    // Gradual exit: the tier being left still applies until the grace ends.
    expect(exiting.body).toMatchObject({ tier: 'subsistence', circle: 1 });
    const completedAt = new Date(done.body.completedAt);
    const expected = new Date(completedAt);
    expected.setUTCMonth(expected.getUTCMonth() + ctx.config.households.exitGraceMonthsEmployment);
    expect(exiting.body.graceEndsAt).toBe(expected.toISOString());

    const sut = ctx.app.get(HouseholdExitService);
    await sut.completeExits(new Date(expected.getTime() - 1000));
    expect(
      (await ctx.http.get(`/api/households/${household.id}`).set('Authorization', assessorA)).body
        .status,
    ).toBe('exiting');
    expect(await sut.completeExits(new Date(expected.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    const exited = await ctx.http
      .get(`/api/households/${household.id}`)
      .set('Authorization', assessorA);
    expect(exited.body).toMatchObject({ status: 'exited', tier: null, circle: null });

    // Hardship returns: an exited household is assessed again and reopened.
    await ctx.http
      .patch(`/api/households/${household.id}`)
      .set('Authorization', assessorA)
      .send({
        version: exited.body.version,
        members: [
          {
            name: '陈',
            relation: 'self',
            idNumber: head,
            employment: 'unemployed',
            monthlyIncomeFen: 0,
          },
        ],
      })
      .expect(200);
    const a3 = await ctx.http
      .post(`/api/households/${household.id}/assessments`)
      .set('Authorization', assessorA)
      .send({})
      .expect(201);
    await ctx.http
      .patch(`/api/assessments/${a3.body.id}`)
      .set('Authorization', assessorA)
      .send({ answers: CALM_ANSWERS })
      .expect(200);
    await ctx.http
      .post(`/api/assessments/${a3.body.id}/complete`)
      .set('Authorization', assessorA)
      .send({})
      .expect(200);
    const reopened = await ctx.http
      .get(`/api/households/${household.id}`)
      .set('Authorization', assessorA);
    expect(reopened.body).toMatchObject({
      status: 'active',
      tier: 'subsistence',
      graceEndsAt: null,
    });
    const needs = await ctx.http
      .get(`/api/households/${household.id}/needs`)
      .set('Authorization', assessorA);
    expect(needs.body.filter((n: { status: string }) => n.status === 'open')).toEqual([]);
    expect(needs.body.some((n: { status: string }) => n.status === 'withdrawn')).toBe(true);
  });

  it('lists households due for a revisit by tier interval', async () => {
    const { household } = await ctx.assessedHousehold(
      assessorA,
      tree.communityA,
      { sudden_event: true },
      ctx.householdBody(tree.communityA, {}, 900_000),
    );
    const sut = ctx.app.get(HouseholdsService);
    const principal = {
      userId: 'bench',
      username: 'x',
      role: 'assessor' as const,
      areaId: tree.streetA.id,
      areaPath: tree.streetA.path,
      providerId: null,
    };
    const soon = await sut.dueRevisits(
      { page: 1, limit: 100 },
      principal,
      new Date(Date.now() + 20 * 86400_000),
    );
    expect(soon.items.map((h) => h.id)).not.toContain(household.id);
    const later = await sut.dueRevisits(
      { page: 1, limit: 100 },
      principal,
      new Date(Date.now() + 35 * 86400_000),
    );
    expect(later.items.map((h) => h.id)).toContain(household.id); // emergency: revisit within a month
    const viaHttp = await ctx.http
      .get('/api/households/due-revisits')
      .set('Authorization', assessorA);
    expect(viaHttp.status).toBe(200);
  });

  it('imports a CSV with good and bad rows: exact counts, row errors, no partial household', async () => {
    const code = tree.communityA.code;
    const ok1 = newIdNumber('1958-01-01');
    const ok2 = newIdNumber('1985-02-02', 'female');
    const okChild = newIdNumber('2012-03-03');
    const badHead = newIdNumber('1966-06-06');
    const badMember = newIdNumber('1990-09-09').slice(0, 17) + 'Z';
    const csv = [
      '户编号,社区编码,户籍,联系电话,姓名,与户主关系,身份证号,就业状况,教育阶段,月收入(元),慢性病',
      `H1,${code},本地,13900001111,刘一,户主,${ok1},退休,,800,是`,
      `H2,${code},local,,周二,self,${ok2},employed,,3000,否`,
      `H2,${code},local,,周小,child,${okChild},student,primary,0,否`,
      `H3,${code},本地,,吴三,户主,${badHead},失业,,0,否`,
      `H3,${code},本地,,吴四,配偶,${badMember},失业,,0,否`,
      `H4,NO-SUCH-COMMUNITY,本地,,郑五,户主,${newIdNumber('1970-10-10')},失业,,0,否`,
    ].join('\n');
    const res = await ctx.http
      .post('/api/households/import')
      .set('Authorization', assessorA)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(`\ufeff${csv}`, 'utf8'));
    expect(res.status).toBe(201);
    expect(res.body.households).toEqual({ imported: 2, rejected: 2 });
    expect(res.body.rows).toEqual({ total: 6, imported: 3, rejected: 3 });
    expect(res.body.errors).toEqual([
      {
        row: 6,
        field: 'id_number',
        message: 'idNumber must be 17 digits and a check digit (0-9 or X)',
      },
      { row: 7, field: 'community_code', message: 'no such community' },
    ]);
    const pii = ctx.app.get(PiiCipher);
    const heads = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM household_member WHERE id_hmac = ANY($1)`,
      [[ok1, ok2, okChild, badHead].map((id) => pii.digest(id))],
    );
    expect(heads[0].n).toBe(3); // the bad household's good head row was not written

    const noHeader = await ctx.http
      .post('/api/households/import')
      .set('Authorization', assessorA)
      .set('Content-Type', 'text/csv')
      .send('foo,bar\n1,2');
    expect(noHeader.status).toBe(400);
  });
});
