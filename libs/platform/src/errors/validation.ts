import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, ValidationError } from 'class-validator';
import { FieldError, ValidationFailedError } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints
      ? [{ field, messages: Object.values(e.constraints) }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** 400 VALIDATION_FAILED naming each field, whichever check (pipe or input guard) found them. */
export function invalidRequest(details: FieldError[]): ValidationFailedError {
  return new ValidationFailedError(
    `Invalid request: ${details.map((d) => d.field).join(', ')}`,
    details,
  );
}

/** `exceptionFactory` for the global ValidationPipe: field-level details in the one shape. */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  return invalidRequest(flatten(errors));
}

/**
 * Field errors for nulls sent where a value is required: class-validator's @IsOptional lets
 * null through, and a null in a NOT NULL column would otherwise answer 500.
 */
export function nullFieldErrors(
  changes: Record<string, unknown>,
  nullable: readonly string[],
  prefix = '',
): FieldError[] {
  return Object.entries(changes)
    .filter(([key, value]) => value === null && !nullable.includes(key))
    .map(([field]) => ({ field: `${prefix}${field}`, messages: ['must not be null'] }));
}

/**
 * For a field that may be omitted but never null (its column is NOT NULL): `@IsOptional()` lets
 * null through, and null would reach the column as a 500. Omitted skips the field's other
 * validators; null fails them all, with this message first. `PartialType(…, {
 * skipNullProperties: false })` does the same for the PATCH DTOs it derives.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name: 'isNotNull',
      validator: {
        validate: (value) => value !== null,
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be null`,
      },
    }),
  );
}
