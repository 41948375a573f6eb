import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ERROR_STATUS } from '../../apps/api/src/error-status';
import { startApi, TestContext } from './support/test-app';

/** Every route handler of the running app: its method, its full path as OpenAPI writes it, and the status it answers. */
function routes(ctx: TestContext): Array<{ key: string; status: number }> {
  const found: Array<{ key: string; status: number }> = [];
  const paths = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value ?? '']).map((p) => String(p).replace(/^\/|\/$/g, ''));
  for (const module of ctx.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
          (method === RequestMethod.POST ? 201 : 200);
        for (const base of paths(Reflect.getMetadata(PATH_METADATA, metatype))) {
          for (const own of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
            const path = ['', 'api', base, own]
              .filter((part, i) => i === 0 || part)
              .join('/')
              .replace(/:(\w+)/g, '{$1}');
            found.push({ key: `${RequestMethod[method].toLowerCase()} ${path}`, status });
          }
        }
      }
    }
  }
  return found;
}

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
      'post /api/provider-applications',
      'get /api/health/live',
      'get /api/health/ready',
      'get /api/exports/hsds/services',
      'get /api/dictionaries',
      'get /api/procurement/projects/{id}/ocds',
      'get /api/public/ocds/releases',
      'get /api/public/areas',
      // relief: leads
      'post /api/public/leads',
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

  it("documents each operation's success status as the one it answers", async () => {
    const doc = (await ctx.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const all = routes(ctx);
    expect(all.length).toBeGreaterThan(50);
    const wrong = all
      .map(({ key, status }) => {
        const [method, path] = key.split(' ');
        const documented = Object.keys(doc.paths[path]?.[method]?.responses ?? {})
          .filter((s) => s.startsWith('2'))
          .map(Number);
        return { key, answers: status, documents: documented };
      })
      .filter((r) => r.documents.length !== 1 || r.documents[0] !== r.answers);
    expect(wrong).toEqual([]);
  });

  it('lists every error code as an enum, and shows on each error response an example of its own status', async () => {
    const doc = (await ctx.http.get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<
              string,
              { content?: Record<string, { example?: { statusCode: number; code: string } }> }
            >;
          }
        >
      >;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    expect(doc.components.schemas.ErrorBodyDto.properties.code.enum).toEqual(
      Object.keys(ERROR_STATUS).sort(),
    );
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const example = response.content?.['application/json']?.example;
          const codeStatus = ERROR_STATUS[example?.code as keyof typeof ERROR_STATUS];
          if (example?.statusCode !== Number(status) || codeStatus !== Number(status))
            wrong.push(`${method} ${path} ${status}: ${JSON.stringify(example)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
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
