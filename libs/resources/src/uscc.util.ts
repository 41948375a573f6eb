/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V):
 *   1     registration authority (1 机构编制, 5 民政, 9 工商, Y 其他 …)
 *   2     organization type under that authority
 *   3–8   administrative division code of the registering authority (digits)
 *   9–17  organization code (GB 11714)
 *   18    check character over the first 17, weights 3^(i) mod 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + USCC_ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'length' | 'characters' | 'check_character';

/** null when the code is valid; otherwise what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check_character';
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;
