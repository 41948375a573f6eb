import { isValidUscc, usccCheckCharacter, usccProblem } from './uscc.util';

describe(isValidUscc.name, () => {
  // Published enterprise codes (9…), and codes built in the same format for a social
  // organization registered with civil affairs (5…) and a public institution (1…).
  it.each([
    '91350100M000100Y43',
    '91110000600037341L',
    '91440300708461136T',
    '51110000500000712A',
    '121000004000003980',
  ])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it.each([
    ['91350100M000100Y44', 'check_character'],
    ['91110000600037341M', 'check_character'],
    ['9135010OM000100Y43', 'characters'], // letter O is not in the alphabet
    ['91350100m000100Y43', 'characters'], // lower case
    ['9135A100M000100Y43', 'characters'], // division code must be digits
    ['91350100M000100Y4', 'length'],
  ])('rejects %s (%s)', (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
  });

  it('computes the check character so that any wrong one is caught', () => {
    const first17 = '91350100M000100Y4';
    expect(usccCheckCharacter(first17)).toBe('3');
    const wrong = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').filter((c) => c !== '3');
    expect(wrong.every((c) => !isValidUscc(first17 + c))).toBe(true);
  });
});
