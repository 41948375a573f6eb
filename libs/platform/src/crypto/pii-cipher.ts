import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Personal data at rest: a keyed HMAC-SHA256 for lookup and deduplication (equal input,
 * equal digest; useless without the key) and AES-256-GCM for the value itself (random IV,
 * authenticated, so tampering fails to decrypt). Ciphertext is `v1.<iv>.<tag>.<data>` in
 * base64url; the version leaves room for key rotation.
 */
export class PiiCipher {
  private readonly hmacKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(hmacKeyBase64: string, encryptionKeyBase64: string) {
    this.hmacKey = Buffer.from(hmacKeyBase64, 'base64');
    this.encryptionKey = Buffer.from(encryptionKeyBase64, 'base64');
    if (this.hmacKey.length < 32 || this.encryptionKey.length !== 32) {
      throw new Error('PII keys must be base64 of 32 random bytes');
    }
  }

  /** Lookup digest (hex); normalise the input first (upper-case, trimmed). */
  digest(value: string): string {
    return createHmac('sha256', this.hmacKey).update(value, 'utf8').digest('hex');
  }

  sameDigest(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }

  encrypt(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /**
   * A whole file that holds personal data (an uploaded household import, its error sheet):
   * `1 | iv (12) | tag (16) | data`, binary, for a bytea column.
   */
  encryptBytes(value: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(value), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), data]);
  }

  decryptBytes(payload: Buffer): Buffer {
    if (payload[0] !== 1 || payload.length < 29) throw new Error('Unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, payload.subarray(1, 13));
    decipher.setAuthTag(payload.subarray(13, 29));
    return Buffer.concat([decipher.update(payload.subarray(29)), decipher.final()]);
  }

  decrypt(payload: string): string {
    const [version, iv, tag, data] = payload.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined)
      throw new Error('Unknown ciphertext format');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.encryptionKey,
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}

/**
 * `**************002X`: the last four only, as responses show identity numbers. The region
 * (first six) is not shown: with the last four and a birth date it would leave only the
 * check character to guess, and responses never carry the birth date either (see
 * docs/domain.md, "Personal data").
 */
export function maskIdNumber(id: string): string {
  return `${'*'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
}

/** `138****5678`; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (digits.length < 7) return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
