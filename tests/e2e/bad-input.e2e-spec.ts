import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { ERROR_STATUS } from '../../apps/api/src/error-status';
import { startApi, TestContext } from './support/test-app';

/**
 * Bad input never answers 5xx: every write operation of the OpenAPI document gets generated
 * input (wrong types, nulls, deep nesting, NUL, lone surrogates, huge and negative numbers,
 * unknown keys, bad path ids, the wrong content type), as an admin and without a token, and
 * every answer must be below 500 and, when an error, in the one error body.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}
interface Operation {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Stands in a generated value for a body nested 10,000 levels, spliced into the JSON text. */
const DEEP = '\u0001DEEP\u0001';
const DEEP_JSON = `${'{"a":['.repeat(5_000)}1${']}'.repeat(5_000)}`;
const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '',
  ' ',
  'x'.repeat(5_000),
  '-1',
  '1e400',
  'null',
  "'; DROP TABLE area; --",
  '2026-02-30',
  '🙂',
];
const NASTY_NUMBERS = [-1, 0, 0.5, -0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e21];
/** Any UTF-16 code unit, lone surrogates included. */
const anyUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 12,
});

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(...NASTY_STRINGS),
  anyUnitString,
  fc.constant(DEEP),
  fc.array(fc.oneof(fc.constant(null), fc.integer(), anyUnitString), { maxLength: 3 }),
  fc.dictionary(anyUnitString, fc.oneof(fc.constant(null), fc.integer(), anyUnitString), {
    maxKeys: 3,
  }),
);

class Generator {
  constructor(
    private readonly doc: Doc,
    private readonly ids: string[],
  ) {}

  private resolve(schema: Schema): Schema {
    let s = schema;
    while (s.$ref) s = this.doc.components.schemas[s.$ref.split('/').pop()!];
    if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => this.resolve(part)));
    return s;
  }

  /** Mostly a plausible value of the schema, sometimes a bad one, at every depth. */
  value(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    if (!schema || depth > 5) return badValue;
    return fc.oneof(
      { arbitrary: this.plausible(this.resolve(schema), depth), weight: 3 },
      { arbitrary: badValue, weight: 1 },
    );
  }

  private plausible(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const variants = s.oneOf ?? s.anyOf;
    if (variants) return fc.oneof(...variants.map((v) => this.value(v, depth + 1)));
    if (s.enum) return fc.constantFrom(...s.enum);
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return this.id();
        if (s.format === 'date') return fc.constantFrom('2026-01-01', '2099-12-31', '2026-02-30');
        if (s.format === 'date-time') return fc.constantFrom(new Date().toISOString(), 'yesterday');
        return fc.string({ maxLength: 20 });
      case 'integer':
      case 'number':
        return fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 1e7, 1e9) });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.value(s.items, depth + 1), { maxLength: 3 });
      default:
        return this.object(s, depth);
    }
  }

  private object(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const props = Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([k, v]) => [k, this.value(v, depth + 1)]),
    );
    return fc
      .tuple(
        fc.record(props, { requiredKeys: [] }),
        fc.option(fc.tuple(anyUnitString, badValue), { freq: 4 }),
      )
      .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
  }

  /** An id that exists, one that does not, or not an id at all. */
  id(): fc.Arbitrary<string> {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...this.ids), weight: 3 },
      fc.constant(randomUUID()),
      fc.constantFrom('not-a-uuid', '0', '-1', '9'.repeat(40), '\u0000', '\uD800', '%', ' '),
    );
  }
}

/** A lone surrogate cannot be percent-encoded as UTF-8: it goes as the bytes of its CESU-8 form. */
function encodeSegment(text: string): string {
  return [...text]
    .map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
    .join('');
}

type Encoding = 'json' | 'deep' | 'broken' | 'text' | 'form' | 'none';

interface Attempt {
  path: string;
  body: unknown;
  encoding: Encoding;
}

function attempts(gen: Generator, path: string, op: Operation): fc.Arbitrary<Attempt> {
  const segments = path
    .split('/')
    .map((segment) =>
      /^\{.+\}$/.test(segment) ? gen.id().map(encodeSegment) : fc.constant(segment),
    );
  const schema = op.requestBody?.content['application/json']?.schema;
  return fc.record({
    path: fc.tuple(...segments).map((parts) => parts.join('/')),
    body: schema ? gen.value(schema) : badValue,
    encoding: fc.oneof(
      { arbitrary: fc.constant<Encoding>('json'), weight: 8 },
      fc.constantFrom<Encoding>('deep', 'broken', 'text', 'form', 'none'),
    ),
  });
}

function send(ctx: TestContext, method: string, token: string | null, attempt: Attempt) {
  const req = ctx.http[method as 'post'](attempt.path);
  if (token) void req.set('Authorization', token);
  const json = JSON.stringify(attempt.body ?? null).replaceAll(JSON.stringify(DEEP), DEEP_JSON);
  switch (attempt.encoding) {
    case 'json':
      return req.set('Content-Type', 'application/json').send(json);
    case 'deep':
      return req.set('Content-Type', 'application/json').send(DEEP_JSON);
    case 'broken':
      return req.set('Content-Type', 'application/json').send(json.slice(0, -1));
    case 'text':
      return req.set('Content-Type', 'text/plain').send(json);
    case 'form':
      return req.set('Content-Type', 'application/x-www-form-urlencoded').send('a=%00&b[c]=1');
    case 'none':
      return req;
  }
}

/** What is wrong with an answer, or null when it is one the contract allows. */
function problem(status: number, body: Record<string, unknown>): string | null {
  if (status >= 500) return `answered ${status}: ${JSON.stringify(body)}`;
  if (status < 400) return null;
  const shaped =
    body.statusCode === status &&
    typeof body.error === 'string' &&
    typeof body.code === 'string' &&
    body.code in ERROR_STATUS &&
    typeof body.message === 'string' &&
    // Field errors, wherever they come from, in the one shape the console reads.
    (!Array.isArray(body.details) ||
      body.details.every(
        (d: { field?: unknown; constraint?: unknown; message?: unknown }) =>
          typeof d.field === 'string' &&
          typeof d.constraint === 'string' &&
          typeof d.message === 'string',
      ));
  return shaped ? null : `answered ${status} outside the error shape: ${JSON.stringify(body)}`;
}

describe('Bad input (e2e)', () => {
  let ctx: TestContext;
  let admin: string;
  let doc: Doc;
  let ids: string[];

  // Generated input that happens to be valid is written: this spec writes it into a database of
  // its own (the app migrates it at start), so that no other spec counts what it made.
  const database = `${process.env.TEST_DATABASE_NAME}_bad_input`;
  async function onAdminDb(sql: string): Promise<void> {
    const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  }

  beforeAll(async () => {
    await onAdminDb(`CREATE DATABASE "${database}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${database}`;
    ctx = await startApi({ DATABASE_URL: url.toString() });
    admin = await ctx.tokenFor('admin');
    doc = (await ctx.http.get('/docs-json').expect(200)).body as Doc;
    // Real ids, so that generated input also reaches the services behind a found object.
    const d = await ctx.newDistrict();
    const provider = await ctx.newProvider(d.district);
    const resource = await ctx.factory.resource(provider, d.district, { status: 'draft' });
    const project = await ctx.factory.project(d.district);
    const { h, a } = await ctx.draftAssessment(admin, d.communityA);
    ids = [d.district.id, d.communityA.id, provider.id, resource.id, project.id, h.body.id];
    ids.push(a.body.id);
  });
  afterAll(async () => {
    await ctx?.close();
    if (process.env.KEEP_TEST_DB !== '1')
      await onAdminDb(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  const write = (method: string, path: string, body: unknown) =>
    ctx.http[method as 'post'](path)
      .set('Authorization', admin)
      .send(body as object);

  it('refuses a body nested 10,000 levels deep on every operation with a body, with or without a token', async () => {
    const failures: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.requestBody) continue;
        const url = path.replace(/\{[^}]+\}/g, randomUUID());
        for (const token of [admin, null]) {
          const req = ctx.http[method as 'post'](url).set('Content-Type', 'application/json');
          if (token) void req.set('Authorization', token);
          const res = await req.send(DEEP_JSON);
          // Without a token a protected route may refuse the caller first; never with a 5xx.
          const allowed = token || op.security?.length === 0 ? [400] : [400, 401];
          if (!allowed.includes(res.status) || problem(res.status, res.body))
            failures.push(`${method} ${path} ${token ? 'admin' : 'anonymous'}: ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses NUL and lone surrogates in body strings, keys, query values and path ids', async () => {
    for (const [name, bad] of [
      ['NUL', 'a\u0000b'],
      ['lone surrogate', 'a\uD800b'],
    ]) {
      const before = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
      const cases = [
        write('post', '/api/areas', {
          level: 'district',
          code: 'T-BAD',
          name: bad,
          minimumLivingStandardFen: 1,
        }),
        write('patch', `/api/assessments/${ids[6]}`, { answers: { [bad]: 1 } }),
        // A URL cannot carry a lone surrogate (its bytes decode to U+FFFD): NUL only there.
        ...(name === 'NUL'
          ? [ctx.http.get(`/api/resources?q=${encodeSegment(bad)}`).set('Authorization', admin)]
          : []),
      ];
      const undecodable = await ctx.http
        .get(`/api/households/${encodeSegment(bad)}`)
        .set('Authorization', admin);
      expect(undecodable.status).toBe(400);
      expect(ERROR_STATUS).toHaveProperty(undecodable.body.code);
      for (const [i, res] of (await Promise.all(cases)).entries()) {
        expect({ name, i, status: res.status, code: res.body.code }).toEqual({
          name,
          i,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      const after = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
      expect(after).toEqual(before);
    }
  });

  it('refuses null entries in the lists of a template definition', async () => {
    for (const definition of [
      { dimensions: [null], items: [], needRules: [] },
      { dimensions: [{ code: 'economic', weight: 1 }], items: [null], needRules: [null] },
      {
        dimensions: [{ code: 'economic', weight: 1 }],
        items: [{ code: 'a', dimension: 'economic', type: 'choice', weight: 1, options: [null] }],
        needRules: [{ category: 'care', severity: 1, urgency: 'normal', when: { all: [null] } }],
      },
    ]) {
      const res = await write('post', '/api/assessment-templates', {
        code: 'bad_template',
        name: 'Bad',
        definition,
      });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 400,
        code: 'TEMPLATE_INVALID',
      });
    }
  });

  it('refuses null for a field a PATCH may omit but the column may not hold', async () => {
    const res = await write('patch', `/api/procurement/projects/${ids[4]}`, { budgetFen: null });
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    // Every check of the field fails on null, each its own entry.
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'budgetFen', constraint: 'isInt', message: '应为整数' },
        { field: 'budgetFen', constraint: 'min', params: { min: 1 }, message: '不能小于 1' },
      ]),
    );
    expect(res.body.details.every((d: { field: string }) => d.field === 'budgetFen')).toBe(true);
    const [row] = await ctx.dataSource.query(
      `SELECT budget_fen::text AS budget FROM service_project WHERE id = $1`,
      [ids[4]],
    );
    expect(row.budget).not.toBeNull();
  });

  it('answers oversized headers with 431 in the error shape', async () => {
    const res = await ctx.http.get('/api/health/live').set('X-Big', 'x'.repeat(64 * 1024));
    expect(res.status).toBe(431);
    expect(res.body).toMatchObject({
      statusCode: 431,
      code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
      error: 'Request Header Fields Too Large',
      message: expect.any(String),
    });
  });

  it('never answers 5xx to generated input on any write operation, as admin or without a token', async () => {
    const gen = new Generator(doc, ids);
    const failures: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        for (const [who, token] of [
          ['admin', admin],
          ['anonymous', null],
        ] as const) {
          const result = await fc.check(
            fc.asyncProperty(attempts(gen, path, op), async (attempt) => {
              const res = await send(ctx, method, token, attempt);
              const wrong = problem(res.status, res.body as Record<string, unknown>);
              if (wrong) throw new Error(wrong);
            }),
            { numRuns: who === 'admin' ? 30 : 8, endOnFailure: true },
          );
          if (result.failed) {
            const input = JSON.stringify(result.counterexample?.[0]).slice(0, 500);
            failures.push(
              `${method} ${path} as ${who}: ${String(result.errorInstance)} ← ${input}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
