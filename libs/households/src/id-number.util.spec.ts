import { birthDateOf, genderOf, idNumberProblem } from './id-number.util';

describe(idNumberProblem.name, () => {
  // Format examples from GB 11643-1999 and its common illustrations.
  it.each(['11010519491231002X', '110101199003070011', '440524188001010014'])(
    'accepts %s',
    (id) => {
      expect(idNumberProblem(id)).toBeNull();
    },
  );

  it('accepts a lower-case x as the check character', () => {
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });

  it.each([
    ['110105194912310021', 'check_digit'],
    ['11010519491231002Y', 'format'],
    ['1101051949123100', 'format'],
    ['110105194913310029', 'birth_date'], // month 13
    ['110105194902300023', 'birth_date'], // 30 February
  ])('rejects %s (%s)', (id, problem) => {
    expect(idNumberProblem(id)).toBe(problem);
  });

  it('reads birth date and gender', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(genderOf('11010519491231002X')).toBe('female');
    expect(genderOf('440524188001010014')).toBe('male');
  });
});
