#!/usr/bin/env node
// Compiles apps/, libs/ and migrations/ into dist/ with swc (path aliases rewritten by
// .swcrc). Nest's own CLI can't use swc for a monorepo without webpack, and swc
// compiles the whole tree in about a second; `npm run typecheck` is the type check.
// Then the console: its API types are generated from the compiled API's own OpenAPI document
// (so the console and the API cannot drift), and Vite bundles it into apps/console/dist, which
// the API serves at `/`. `--no-console` (or ONEDOOR_SKIP_CONSOLE=1) stops after the API.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole, generateClient } from './lib/console.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(
  join(root, 'node_modules/.bin/swc'),
  [
    'apps/api',
    'apps/matcher',
    'libs',
    'migrations',
    '-d',
    'dist',
    '--config-file',
    '.swcrc',
    '--ignore',
    '**/*.spec.ts,**/test/**',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
generateClient();
if (!process.argv.includes('--no-console') && !process.env.ONEDOOR_SKIP_CONSOLE) {
  await buildConsole();
}
