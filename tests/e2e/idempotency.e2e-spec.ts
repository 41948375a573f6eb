import { randomUUID } from 'node:crypto';
import { Clock, IdempotencyKeysRepository } from '@onedoor/platform';
import { startApi, TestContext } from './support/test-app';

describe('Idempotency-Key (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  /** A fresh community (so households can be counted in it) and an assessor for it. */
  async function newScene() {
    const tree = await ctx.newDistrict();
    const token = await ctx.tokenFor('assessor', tree.streetA);
    const count = async () => {
      const rows: Array<{ n: number }> = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM household WHERE community_id = $1`,
        [tree.communityA.id],
      );
      return rows[0].n;
    };
    return { tree, token, count, body: ctx.householdBody(tree.communityA) };
  }

  const register = (token: string, key: string, body: object) =>
    ctx.http
      .post('/api/households')
      .set('Authorization', token)
      .set('Idempotency-Key', key)
      .send(body);

  it('registers once and replays the first answer, marked, for the same key', async () => {
    const { token, count, body } = await newScene();
    const key = randomUUID();

    const first = await register(token, key, body);
    const again = await register(token, key, body);

    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toEqual(first.body);
    expect(again.body.id).toBe(first.body.id);
    expect(await count()).toBe(1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const { token, count, body } = await newScene();
    const key = randomUUID();
    const reordered = Object.fromEntries(Object.entries(body).reverse());

    const first = await register(token, key, body).expect(201);
    const again = await register(token, key, reordered).expect(201);

    expect(again.body.id).toBe(first.body.id);
    expect(await count()).toBe(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED in the error shape for the same key with another body', async () => {
    const { token, count, body } = await newScene();
    const key = randomUUID();
    await register(token, key, body).expect(201);

    const other = await register(token, key, { ...body, phone: '13900000000' });

    expect(other.status).toBe(422);
    expect(other.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.any(String),
    });
    expect(await count()).toBe(1);
  });

  it('answers 422 for the same key on another path', async () => {
    const { token, body } = await newScene();
    const key = randomUUID();
    const created = await register(token, key, body).expect(201);

    const elsewhere = await ctx.http
      .post(`/api/households/${created.body.id}/assessments`)
      .set('Authorization', token)
      .set('Idempotency-Key', key)
      .send(body);

    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps the keys of different users apart', async () => {
    const { tree, token, count } = await newScene();
    const other = await ctx.tokenFor('assessor', tree.streetA);
    const key = randomUUID();

    const mine = await register(token, key, ctx.householdBody(tree.communityA)).expect(201);
    const theirs = await register(other, key, ctx.householdBody(tree.communityA));

    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await count()).toBe(2);
  });

  it('runs concurrent duplicates once: one household, the others replayed or told to wait', async () => {
    const { token, count, body } = await newScene();
    const key = randomUUID();

    const answers = await Promise.all(
      Array.from({ length: 8 }, () => register(token, key, body).then((res) => res)),
    );

    expect(await count()).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    const waiting = answers.filter((a) => a.status === 409);
    expect(created.length + waiting.length).toBe(answers.length);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    expect(created.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    for (const res of waiting) {
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
        message: expect.any(String),
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Once the first has answered, a retry is the stored answer.
    const late = await register(token, key, body).expect(201);
    expect(late.body.id).toBe(created[0].body.id);
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_PROGRESS with Retry-After while the first still runs', async () => {
    const { token, count, body } = await newScene();
    const key = randomUUID();
    // Hold the first request inside its transaction until the duplicate has been answered.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = ctx.dataSource.transaction.bind(ctx.dataSource);
    const held = jest.spyOn(ctx.dataSource, 'transaction').mockImplementationOnce((async (
      work: (m: unknown) => Promise<unknown>,
    ) => {
      entered();
      await gate;
      return transaction(work as never);
    }) as never);
    try {
      const first = register(token, key, body).then((res) => res);
      await inside;
      const duplicate = await register(token, key, body);
      const different = await register(token, key, { ...body, phone: '13900000000' });
      release();

      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
        message: expect.any(String),
      });
      expect(duplicate.headers['retry-after']).toBe('1');
      expect(different.status).toBe(422);
      expect((await first).status).toBe(201);
    } finally {
      release();
      held.mockRestore();
    }
    const replayed = await register(token, key, body).expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(1);
  });

  it("forgets a key 24 hours later by the app's Clock", async () => {
    const { tree, token, count, body } = await newScene();
    const key = randomUUID();
    const first = await register(token, key, body).expect(201);
    const clock = ctx.app.get(Clock);
    const at = (ms: number) => jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + ms));

    const justBefore = at(24 * 60 * 60_000 - 60_000);
    try {
      const replayed = await register(token, key, body).expect(201);
      expect(replayed.body.id).toBe(first.body.id);
      // Still bound to its first request, too.
      await register(token, key, ctx.householdBody(tree.communityA)).expect(422);
    } finally {
      justBefore.mockRestore();
    }

    const after = at(24 * 60 * 60_000 + 60_000);
    try {
      const fresh = await register(token, key, ctx.householdBody(tree.communityA));
      expect(fresh.status).toBe(201);
      expect(fresh.headers['idempotent-replayed']).toBeUndefined();
      expect(fresh.body.id).not.toBe(first.body.id);
    } finally {
      after.mockRestore();
    }
    expect(await count()).toBe(2);
  });

  it('prunes keys once expired (the maintenance job), and not before', async () => {
    const { token, body } = await newScene();
    const key = randomUUID();
    await register(token, key, body).expect(201);
    const rows = async () =>
      (await ctx.dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key])).length;
    const sut = ctx.app.get(IdempotencyKeysRepository);

    await sut.prune(new Date(Date.now() + 23 * 60 * 60_000));
    expect(await rows()).toBe(1);
    expect(await sut.prune(new Date(Date.now() + 25 * 60 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await rows()).toBe(0);
  });

  it('replays a 4xx answer too, and releases the key after a 5xx', async () => {
    const { token, body } = await newScene();
    const key = randomUUID();
    const bad = { ...body, residency: 'nowhere' };
    const first = await register(token, key, bad);
    const again = await register(token, key, bad);
    expect(first.status).toBe(400);
    expect(again.status).toBe(400);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    const failing = jest
      .spyOn(ctx.dataSource, 'transaction')
      .mockRejectedValueOnce(new Error('simulated outage'));
    const otherKey = randomUUID();
    let broken;
    try {
      broken = await register(token, otherKey, body);
    } finally {
      failing.mockRestore();
    }
    expect(broken.status).toBe(500);
    const retried = await register(token, otherKey, body);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key with 400 and leaves requests without a key alone', async () => {
    const { token, count, body } = await newScene();
    const bad = await register(token, 'x'.repeat(256), body);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toEqual([
      { field: 'Idempotency-Key', constraint: 'idempotencyKey', message: expect.any(String) },
    ]);
    await ctx.http.post('/api/households').set('Authorization', token).send(body).expect(201);
    expect(await count()).toBe(1);
  });

  it('refuses a key on a streamed CSV import (its body cannot be compared), undocumented there', async () => {
    const { token, count } = await newScene();
    const res = await ctx.http
      .post('/api/households/import')
      .set('Authorization', token)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'text/csv')
      .send('not,a,real,csv\n');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(await count()).toBe(0);
    const doc = (await ctx.http.get('/docs-json').expect(200)).body;
    expect(doc.paths['/api/households/import'].post.parameters ?? []).toEqual([]);
  });

  it('documents the optional header on authenticated POSTs, not on login', async () => {
    const doc = (await ctx.http.get('/docs-json').expect(200)).body;
    const refs = (op: { parameters?: Array<{ $ref?: string }> }) =>
      (op.parameters ?? []).map((p) => p.$ref);
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
    });
    expect(refs(doc.paths['/api/households'].post)).toContain(
      '#/components/parameters/IdempotencyKey',
    );
    expect(refs(doc.paths['/api/auth/login'].post)).not.toContain(
      '#/components/parameters/IdempotencyKey',
    );
  });
});
