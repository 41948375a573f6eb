import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, TestContext } from './support/test-app';

/** The API serves the console's built files at `/`, with the single-page fallback. */
describe('console served by the API (e2e)', () => {
  let ctx: TestContext;
  let dir: string;

  beforeAll(async () => {
    // A stand-in build: the real one is Vite's, exercised by the browser tests.
    dir = mkdtempSync(join(tmpdir(), 'onedoor-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>一门式救助</title><div id="root"></div>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    ctx = await startApi({ CONSOLE_DIR: dir });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with the console page, revalidated on each visit', async () => {
    const res = await ctx.http.get('/').set('accept', 'text/html').expect(200);
    expect(res.text).toContain('一门式救助');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a client-side route a browser opens with the same page', async () => {
    const res = await ctx.http
      .get('/households/0b6c1c1e-2f7a-4c35-9d0e-4f1f2a3b4c5d?tab=needs')
      .set('accept', 'text/html,application/xhtml+xml')
      .expect(200);
    expect(res.text).toContain('<div id="root">');
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await ctx.http.get('/assets/index-abc123.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps unknown /api routes, /docs and non-page requests as 404s in the one error body', async () => {
    for (const path of ['/api/no/such', '/api', '/docs-nothing']) {
      const res = await ctx.http.get(path).set('accept', 'text/html').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    }
    const json = await ctx.http.get('/households/1').set('accept', 'application/json').expect(404);
    expect(json.body.code).toBe('ROUTE_NOT_FOUND');
    const post = await ctx.http.post('/households').set('accept', 'text/html').expect(404);
    expect(post.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('still serves the API and Swagger beside it', async () => {
    await ctx.http.get('/api/health/live').expect(200);
    await ctx.http.get('/docs-json').expect(200);
  });
});
