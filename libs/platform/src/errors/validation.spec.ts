import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import {
  fieldPath,
  IsOptionalNotNull,
  nullFieldErrors,
  validationExceptionFactory,
} from './validation';

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

class Member {
  @IsString()
  @Length(1, 40)
  name!: string;

  @Min(0)
  @Max(4)
  grade!: number;
}

class Household {
  @IsIn(['urban', 'rural'])
  kind!: string;

  @ValidateNested({ each: true })
  @Type(() => Member)
  members!: Member[];
}

describe(validationExceptionFactory.name, () => {
  const detailsOf = (plain: object) => {
    const errors = validateSync(plainToInstance(Household, plain), {
      validationError: { target: true },
    });
    return validationExceptionFactory(errors).details;
  };

  it('writes array indexes in brackets, one entry per failed constraint, with its parameters', () => {
    expect(
      detailsOf({
        kind: 'city',
        members: [
          { name: 'ok', grade: 1 },
          { name: 7, grade: 9 },
        ],
      }),
    ).toEqual([
      {
        field: 'kind',
        constraint: 'isIn',
        params: { values: ['urban', 'rural'] },
        message: expect.stringContaining('kind must be one of'),
      },
      {
        field: 'members[1].name',
        constraint: 'isLength',
        params: { min: 1, max: 40 },
        message: expect.any(String),
      },
      { field: 'members[1].name', constraint: 'isString', message: 'name must be a string' },
      {
        field: 'members[1].grade',
        constraint: 'max',
        params: { max: 4 },
        message: 'grade must not be greater than 4',
      },
    ]);
  });

  it('names every refused field once in its English message', () => {
    const error = validationExceptionFactory(
      validateSync(plainToInstance(Household, { kind: 'x', members: [{ name: 5, grade: -1 }] })),
    );
    expect(error.message).toBe('Invalid request: kind, members[0].name, members[0].grade');
  });
});

describe(nullFieldErrors.name, () => {
  it('refuses nulls outside the nullable fields, in the one shape', () => {
    expect(nullFieldErrors({ name: null, phone: null, age: 3 }, ['phone'], 'members[2]')).toEqual([
      { field: 'members[2].name', constraint: 'isNotNull', message: 'must not be null' },
    ]);
  });
});

describe(fieldPath.name, () => {
  it('puts indexes in brackets and names after dots', () => {
    expect(fieldPath(fieldPath(fieldPath('', 'members'), 0), 'idNumber')).toBe(
      'members[0].idNumber',
    );
  });
});
