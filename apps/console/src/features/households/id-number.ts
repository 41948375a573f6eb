/**
 * The identity number (公民身份号码, GB 11643-1999) checked as it is typed: 6-digit region,
 * 8-digit birth date, 3-digit sequence (odd for men, even for women) and a check character over
 * the first 17 (ISO 7064 MOD 11-2). The API checks the same again; this only answers sooner.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'length' | 'format' | 'birthDate' | 'checkDigit';

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** Trimmed, a trailing x upper-cased: the form the API digests. */
export const normalizeIdNumber = (raw: string) => raw.trim().toUpperCase();

/** What is wrong with a typed number, or null when it is a valid one. */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = birthDateOf(id);
  const date = new Date(`${birth}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== birth ||
    birth < '1850-01-01'
  )
    return 'birthDate';
  return checkCharacter(id.slice(0, 17)) === id[17] ? null : 'checkDigit';
}

/** YYYY-MM-DD from positions 7–14 (no check: call on a valid number). */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function genderOf(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Birth date and gender a valid number states, to fill in the form; null otherwise. */
export function derivedFromIdNumber(
  raw: string,
): { birthDate: string; gender: 'male' | 'female' } | null {
  const id = normalizeIdNumber(raw);
  return idNumberProblem(id) === null ? { birthDate: birthDateOf(id), gender: genderOf(id) } : null;
}
