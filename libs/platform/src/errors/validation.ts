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
