import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid, random 统一社会信用代码 (GB 32100-2015) of a social organization (51…) in 110105. */
export function uscc(): string {
  const body = Array.from({ length: 9 }, () => ALPHABET[randomInt(0, 31)]).join('');
  const first17 = `51110105${body}`;
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}
