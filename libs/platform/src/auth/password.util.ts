// @node-rs/argon2 rather than `argon2`: it ships prebuilt binaries per platform as
// optional packages, so installing needs no compiler and no install script.
import { Algorithm, hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

// Verified against when the username is unknown, so that a miss costs as long as a wrong
// password and response times don't reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  hashed: string | undefined,
  password: string,
): Promise<boolean> {
  if (!hashed) {
    dummyHash ??= hashPassword('onedoor-timing-equaliser');
    await verify(await dummyHash, password);
    return false;
  }
  return verify(hashed, password);
}
