// The console's build steps, shared by build.mjs and the test script.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { log, root } from './util.mjs';

export const consoleDir = join(root, 'apps/console');
export const consoleDist = join(consoleDir, 'dist');
const generated = join(consoleDir, 'src/api/generated');

/**
 * Writes the API's OpenAPI document (from the compiled API in dist/, no database needed) and
 * the TypeScript types openapi-fetch uses. Both are build outputs, git-ignored.
 */
export function generateClient() {
  const document = join(generated, 'openapi.json');
  execFileSync(process.execPath, [join(root, 'dist/apps/api/src/cli/openapi.js'), document], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(
    join(root, 'node_modules/.bin/openapi-typescript'),
    [document, '-o', join(generated, 'schema.d.ts'), '--root-types', '--silent'],
    { cwd: root, stdio: 'inherit' },
  );
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A digest of everything the bundle is made from, so an unchanged console is not rebuilt. */
function sourceDigest() {
  const hash = createHash('sha256');
  for (const file of files(consoleDir).sort()) {
    hash.update(relative(consoleDir, file)).update(readFileSync(file));
  }
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

/** Bundles the console with Vite unless its sources are unchanged since the last bundle. */
export async function buildConsole() {
  const digest = sourceDigest();
  const stamp = join(consoleDist, '.source-digest');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    log('build', 'console unchanged, bundle kept');
    return;
  }
  log('build', 'console (vite)…');
  const { build } = await import('vite');
  await build({ configFile: join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stamp, digest);
}
