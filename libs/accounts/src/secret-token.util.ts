import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: refresh and set-password tokens. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 (hex) of a token, as stored. A plain hash is enough for 256-bit random secrets (no
 * dictionary to try, unlike passwords), and it lets the server look a token up by its digest.
 */
export function digestOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A strong password for `npm run user:create` to print once: 24 characters of base64url. */
export function generatedPassword(): string {
  return randomBytes(18).toString('base64url');
}
