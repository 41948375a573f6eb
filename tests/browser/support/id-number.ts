import { randomInt } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function checkDigit(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** A valid, random identity number (region 210102, a birth date in the given year range). */
export function idNumber(options: { bornFrom?: number; bornTo?: number; male?: boolean } = {}) {
  const year = randomInt(options.bornFrom ?? 1950, (options.bornTo ?? 2000) + 1);
  const month = String(randomInt(1, 13)).padStart(2, '0');
  const day = String(randomInt(1, 29)).padStart(2, '0');
  let sequence = randomInt(0, 1000);
  // The 17th digit is odd for men, even for women.
  if (options.male !== undefined && sequence % 2 !== (options.male ? 1 : 0))
    sequence = (sequence + 1) % 1000;
  const first17 = `210102${year}${month}${day}${String(sequence).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

/** The same number with a wrong check character, as a person mistyping the last digit would. */
export function withWrongCheckDigit(id: string): string {
  const right = id[17];
  const wrong = CHECK.split('').find((c) => c !== right)!;
  return id.slice(0, 17) + wrong;
}
