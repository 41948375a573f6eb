import { randomBytes } from 'node:crypto';
import { maskIdNumber, maskPhone, PiiCipher } from './pii-cipher';

const key = () => randomBytes(32).toString('base64');

describe(PiiCipher.name, () => {
  const sut = new PiiCipher(key(), key());

  it('round-trips a value through AES-256-GCM, with a fresh IV each time', () => {
    const a = sut.encrypt('110105194912310021');
    const b = sut.encrypt('110105194912310021');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('110105194912310021');
    expect(sut.decrypt(a)).toBe('110105194912310021');
    expect(sut.decrypt(b)).toBe('110105194912310021');
  });

  it('round-trips a file as bytes, with a fresh IV each time, and refuses it tampered', () => {
    const file = Buffer.from('身份证号\n110105194912310021\n', 'utf8');
    const a = sut.encryptBytes(file);
    expect(a.equals(sut.encryptBytes(file))).toBe(false);
    expect(a.includes(Buffer.from('110105194912310021'))).toBe(false);
    expect(sut.decryptBytes(a).equals(file)).toBe(true);
    a[a.length - 1] ^= 1;
    expect(() => sut.decryptBytes(a)).toThrow();
  });

  it('refuses tampered ciphertext', () => {
    const parts = sut.encrypt('110105194912310021').split('.');
    const data = Buffer.from(parts[3], 'base64url');
    data[0] ^= 1;
    parts[3] = data.toString('base64url');
    expect(() => sut.decrypt(parts.join('.'))).toThrow();
  });

  it('digests deterministically under its key only', () => {
    const other = new PiiCipher(key(), key());
    expect(sut.digest('110105194912310021')).toBe(sut.digest('110105194912310021'));
    expect(sut.digest('110105194912310021')).not.toBe(other.digest('110105194912310021'));
    expect(sut.digest('110105194912310021')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('needs 32-byte keys', () => {
    expect(() => new PiiCipher(key(), Buffer.alloc(16).toString('base64'))).toThrow(
      /32 random bytes/,
    );
  });
});

describe('masking', () => {
  it('shows only the last four of an identity number', () => {
    expect(maskIdNumber('110105194912310021')).toBe('**************0021');
  });
  it('shows the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('***45');
  });
});
