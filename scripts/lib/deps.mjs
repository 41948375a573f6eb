// Installs the project's dependencies when they are missing or older than the lock file.
// Uses only Node built-ins: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { log, root } from './util.mjs';

export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const fresh =
    existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  // `npm install`, not `npm ci`: it installs what the lock file pins just the same, but
  // doesn't refuse a lock that lacks other platforms' optional packages (swc, msgpackr…),
  // which a registry mirror serving only this platform leaves out.
  log('deps', 'installing dependencies (npm install)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm install failed');
}
