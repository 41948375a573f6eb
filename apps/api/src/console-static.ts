import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '@onedoor/platform';

/** Paths the server side owns: they never fall back to the console's page. */
const isServerPath = (path: string): boolean =>
  path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`) || /^\/docs(\b|-)/.test(path);

/**
 * Serves the console (Vite's build) at `/`: its files, and for any other GET that a browser
 * navigates to (a client-side route such as /households/42) its index.html, so a reload or a
 * shared link opens the right page. /api and /docs keep their own 404s in the one error body.
 * Hashed assets are cached for a year; index.html is revalidated, so a deploy shows at once.
 */
export async function mountConsole(app: NestFastifyApplication, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // This version of @fastify/static hands over Fastify's reply here, not the raw response
    // its types describe.
    setHeaders: (res, path) => {
      (res as unknown as FastifyReply).header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    const wantsPage = String(request.headers.accept ?? '').includes('text/html');
    if (!wantsPage || isServerPath(path)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
