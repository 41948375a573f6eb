#!/usr/bin/env node
// Compiles apps/, libs/ and migrations/ into dist/ with swc (path aliases rewritten by
// .swcrc). Nest's own CLI can't use swc for a monorepo without webpack, and swc
// compiles the whole tree in about a second; `npm run typecheck` is the type check.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(
  join(root, 'node_modules/.bin/swc'),
  [
    'apps',
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
