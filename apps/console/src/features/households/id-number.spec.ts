import { checkCharacter, derivedFromIdNumber, idNumberProblem } from './id-number';

// 11010519491231002X is the standard's own example (a woman born 1949-12-31).
const VALID = '11010519491231002X';

describe('identity number checked as typed', () => {
  it('accepts a valid number, a lower-case x and surrounding spaces', () => {
    expect(idNumberProblem(VALID)).toBeNull();
    expect(idNumberProblem(' 11010519491231002x ')).toBeNull();
  });

  it('computes the GB 11643 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('21010219800101001')).toBe('0');
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('1101051949')).toBe('length');
    expect(idNumberProblem('1101051949123100AX')).toBe('format');
    expect(idNumberProblem('110105194902300021')).toBe('birthDate');
    expect(idNumberProblem('110105194912310021')).toBe('checkDigit');
  });

  it('derives birth date and gender only from a valid number', () => {
    expect(derivedFromIdNumber(VALID)).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(derivedFromIdNumber('210102198001010010')).toEqual({
      birthDate: '1980-01-01',
      gender: 'male',
    });
    expect(derivedFromIdNumber('110105194912310021')).toBeNull();
  });
});
