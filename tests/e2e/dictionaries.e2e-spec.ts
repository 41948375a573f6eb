import { startApi, TestContext } from './support/test-app';

type Label = Record<'zh-CN' | 'en', string>;
type Groups = Record<string, Record<string, Label>>;

/** Every `enum` of the document, deduplicated by its values, with where each first occurs. */
function documentEnums(doc: unknown): Map<string, { values: string[]; at: string }> {
  const found = new Map<string, { values: string[]; at: string }>();
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.enum)) {
      const values = record.enum.filter((v): v is string => typeof v === 'string');
      const key = JSON.stringify([...values].sort());
      if (!found.has(key)) found.set(key, { values, at });
    }
    for (const [k, v] of Object.entries(record)) walk(v, `${at}.${k}`);
  };
  walk(doc, '');
  return found;
}

/**
 * Enums that are not codes a person reads, each with why: options a caller chooses and gets
 * echoed, or machine answers. Keyed by the sorted values.
 */
const NOT_CODES: Record<string, string> = {
  '["age","deadline","urgency"]': 'work-queue sort order, a query option',
  '["csv","json","xlsx"]': 'report representation, a query option',
  '["area","category"]': 'report grouping, a query option echoed in the report',
  '["area","provider"]': 'report grouping, a query option echoed in the report',
  '["providerKind","resource"]': 'report grouping, a query option echoed in the report',
  '["needs","summary"]': 'report view, a query option echoed in the report',
  '["error","ok"]': 'health probe status, read by machines',
  '["mine"]': "the household list's drafts filter (?drafts=mine), a query option",
  '["me"]': "an evaluator's tasks (GET /api/evaluations?assignedTo=me), a query option",
  '["MultiPolygon","Polygon"]': "an area boundary's GeoJSON geometry type, read by map libraries",
};

describe('GET /api/dictionaries (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('labels every value of every enum of the OpenAPI document in zh-CN and en', async () => {
    const doc = (await ctx.http.get('/docs-json').expect(200)).body;
    const { groups } = (await ctx.http.get('/api/dictionaries').expect(200)).body as {
      groups: Groups;
    };
    const enums = documentEnums(doc);
    expect(enums.size).toBeGreaterThan(40);
    const unlabelled: string[] = [];
    for (const [key, { values, at }] of enums) {
      if (NOT_CODES[key]) continue;
      // One group holds every value of the enum (a subset such as milestone decisions counts).
      const group = Object.values(groups).find((table) =>
        values.every((v) => table[v]?.['zh-CN'] && table[v]?.en),
      );
      if (!group) unlabelled.push(`${at}: ${values.join(', ')}`);
    }
    expect(unlabelled).toEqual([]);
    // The allow-list names only enums the document still has.
    const keys = new Set(enums.keys());
    expect(Object.keys(NOT_CODES).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('answers every label in both languages, Chinese first, without logging in', async () => {
    const res = await ctx.http.get('/api/dictionaries').expect(200);
    const body = res.body as { version: string; groups: Groups };
    expect(body.version).toMatch(/^[0-9a-f]{16}$/);
    for (const [name, table] of Object.entries(body.groups)) {
      expect({ name, size: Object.keys(table).length > 0 }).toEqual({ name, size: true });
      for (const [code, label] of Object.entries(table)) {
        expect({ name, code, keys: Object.keys(label).sort() }).toEqual({
          name,
          code,
          keys: ['en', 'zh-CN'],
        });
        expect(label['zh-CN'].length * label.en.length).toBeGreaterThan(0);
      }
    }
    expect(body.groups.tier.subsistence).toEqual({
      'zh-CN': '低保',
      en: 'Minimum living allowance',
    });
    expect(body.groups.role.civil_affairs['zh-CN']).toBe('民政工作人员');
    expect(body.groups.circle['1']['zh-CN']).toMatch(/第一圈层/);
  });

  it('reads the categories from the category table, so a new category is labelled at once', async () => {
    const code = `cat_${Date.now()}`;
    await ctx.dataSource.query(
      `INSERT INTO category (code, name_zh, name_en, purpose) VALUES ($1, '测试类别', 'Test category', 'survival')`,
      [code],
    );
    try {
      const { groups } = (await ctx.http.get('/api/dictionaries').expect(200)).body as {
        groups: Groups;
      };
      expect(groups.category[code]).toEqual({ 'zh-CN': '测试类别', en: 'Test category' });
      expect(groups.category.medical['zh-CN']).toBeTruthy();
    } finally {
      await ctx.dataSource.query(`DELETE FROM category WHERE code = $1`, [code]);
    }
  });

  it('may be cached and revalidated by its ETag, which changes with the labels', async () => {
    const first = await ctx.http.get('/api/dictionaries').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.etag).toBe(`"${first.body.version}"`);
    const again = await ctx.http
      .get('/api/dictionaries')
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(again.text ?? '').toBe('');
    await ctx.http.get('/api/dictionaries').set('If-None-Match', '"stale"').expect(200);
  });
});
