import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = join(root, '.data');

export function log(tag, message) {
  process.stderr.write(`[${tag}] ${message}\n`);
}

/** Runs a command, inheriting stdio; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Local secrets for development, made once and kept under .data/ (git-ignored), so tokens
 * and encrypted fields survive restarts. Never used when the variables are set.
 */
export function localSecrets() {
  const file = join(dataDir, 'local-secrets.json');
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    // Keys added after the file was first written are made now and kept from then on.
    const missing = ['PII_HMAC_KEY', 'PII_ENCRYPTION_KEY'].filter((k) => !kept[k]);
    if (missing.length === 0) return kept;
    for (const k of missing) kept[k] = randomBytes(32).toString('base64');
    writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
    return kept;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The environment the API, the matcher and the CLIs get. Variables already set win. */
export function appEnv(services, overrides = {}) {
  const secrets = localSecrets();
  const env = { ...process.env };
  for (const [key, value] of Object.entries(secrets)) env[key] ??= value;
  env.NODE_ENV ??= 'development';
  env.DATABASE_URL = services.databaseUrl;
  env.REDIS_URL = services.redisUrl;
  return { ...env, ...overrides };
}
