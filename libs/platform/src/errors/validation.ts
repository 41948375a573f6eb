import { ValidationError } from 'class-validator';
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

/** `exceptionFactory` for the global ValidationPipe: field-level details in the one shape. */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  const details = flatten(errors);
  return new ValidationFailedError(
    `Invalid request: ${details.map((d) => d.field).join(', ')}`,
    details,
  );
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
