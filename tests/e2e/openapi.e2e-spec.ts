import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, TestContext } from './support/test-app';

describe('OpenAPI document (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('serves Swagger UI at /docs', async () => {
    const res = await ctx.http.get('/docs').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger-ui/i);
  });

  it('documents every operation with a summary, responses and bearer auth where needed', async () => {
    const res = await ctx.http.get('/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const publicOps = new Set([
      'post /api/auth/login',
      'post /api/auth/refresh',
      'post /api/auth/set-password',
      'get /api/health/live',
      'get /api/health/ready',
      'get /api/exports/hsds/services',
    ]);
    for (const [path, item] of Object.entries<
      Record<string, { summary?: string; security?: unknown[]; responses: Record<string, unknown> }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const key = `${method} ${path}`;
        expect({ key, summary: Boolean(op.summary) }).toEqual({ key, summary: true });
        expect(Object.keys(op.responses).some((s) => s.startsWith('2'))).toBe(true);
        if (!publicOps.has(key)) {
          expect({ key, security: op.security }).toEqual({ key, security: [{ bearer: [] }] });
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
        }
      }
    }
  });

  it('lints with no errors under Redocly', async () => {
    const res = await ctx.http.get('/docs-json');
    const dir = mkdtempSync(join(tmpdir(), 'onedoor-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(res.body, null, 2));
    const root = join(__dirname, '..', '..');
    const lint = spawnSync(
      join(root, 'node_modules/.bin/redocly'),
      ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'stylish'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    // Shown in the test log so the lint's own words are on record.
    process.stdout.write(`\n--- redocly lint ---\n${lint.stdout}${lint.stderr}\n`);
    expect(lint.status).toBe(0);
  });
});
