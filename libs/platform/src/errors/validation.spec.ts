import { IsInt, IsOptional, validateSync } from 'class-validator';
import { IsOptionalNotNull } from './validation';

class Sample {
  @IsOptionalNotNull()
  @IsInt()
  budgetFen?: number | null;

  @IsOptional()
  @IsInt()
  note?: number | null;
}

const errorsOf = (values: Partial<Sample>) =>
  validateSync(Object.assign(new Sample(), values)).map((e) => [
    e.property,
    Object.values(e.constraints ?? {}),
  ]);

describe(IsOptionalNotNull.name, () => {
  it('lets the field be omitted', () => {
    expect(errorsOf({})).toEqual([]);
  });

  it('refuses null, which @IsOptional lets through', () => {
    expect(errorsOf({ budgetFen: null, note: null })).toEqual([
      ['budgetFen', expect.arrayContaining(['budgetFen must not be null'])],
    ]);
  });

  it('still applies the other validators to a value', () => {
    expect(errorsOf({ budgetFen: 1.5 })).toEqual([
      ['budgetFen', ['budgetFen must be an integer number']],
    ]);
  });
});
