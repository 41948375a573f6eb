import { validationExceptionFactory } from '@onedoor/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsIdNumber } from './id-number.validator';

class Person {
  @IsIdNumber()
  idNumber!: string;
}

const detailOf = (idNumber: string) =>
  validationExceptionFactory(
    validateSync(plainToInstance(Person, { idNumber }), { validationError: { target: true } }),
  ).details;

describe(IsIdNumber.name, () => {
  it.each([
    ['110105194912310021', 'check_digit', 'idNumber has a wrong check digit (GB 11643)'],
    ['110105194913310029', 'birth_date', 'idNumber has an impossible birth date'],
    ['1101', 'format', 'idNumber must be 17 digits and a check digit (0-9 or X)'],
  ])('refuses %s as isIdNumber with problem %s, never echoing the number', (id, problem, en) => {
    const details = detailOf(id);
    expect(details).toEqual([
      { field: 'idNumber', constraint: 'isIdNumber', params: { problem }, message: en },
    ]);
    expect(JSON.stringify(details)).not.toContain(id);
  });

  it('accepts a valid number', () => {
    expect(validateSync(plainToInstance(Person, { idNumber: '11010519491231002X' }))).toEqual([]);
  });
});
