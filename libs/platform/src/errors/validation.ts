import { applyDecorators } from '@nestjs/common';
import { getMetadataStorage, ValidateBy, ValidateIf, ValidationError } from 'class-validator';
import { CONSTRAINT_PARAMETERS, type Constraint } from './constraint-messages';
import { FieldError, ValidationFailedError } from './domain-error';

/**
 * Parameters a custom constraint derives from the refused value, by constraint name: what an
 * identity number's problem is, for instance. Filled by the validators' modules as they load.
 */
const DERIVED_PARAMETERS = new Map<string, (value: unknown) => Record<string, unknown>>();

/** Lets a custom validator say which variant of its message applies (`params.problem`). */
export function registerConstraintParameters(
  constraint: Constraint,
  derive: (value: unknown) => Record<string, unknown>,
): void {
  DERIVED_PARAMETERS.set(constraint, derive);
}

/** One field error: the path, the rule that failed, its parameters and the English sentence. */
export function fieldError(
  field: string,
  constraint: Constraint,
  message: string,
  params?: Record<string, unknown>,
): FieldError {
  return { field, constraint, ...(params ? { params } : {}), message };
}

/** `members.0.idNumber` → `members[0].idNumber`: indexes in brackets, as a form library writes them. */
export function fieldPath(prefix: string, key: string | number): string {
  if (/^\d+$/.test(String(key))) return `${prefix}[${key}]`;
  return prefix ? `${prefix}.${key}` : String(key);
}

/** The arguments a decorator stored for this constraint (`@Length(1, 40)`), by name. */
function metadataParameters(error: ValidationError, constraint: string): Record<string, unknown> {
  const names = CONSTRAINT_PARAMETERS[constraint];
  const target = error.target as object | undefined;
  if (!names || !target) return {};
  const storage = getMetadataStorage();
  const metadata = storage
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find(
      (m) =>
        m.propertyName === error.property &&
        (m.name === constraint ||
          storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name === constraint),
    );
  const args = (metadata?.constraints ?? []) as unknown[];
  return Object.fromEntries(
    names
      .map((name, i) => [name, args[i] instanceof RegExp ? String(args[i]) : args[i]] as const)
      .filter(([, value]) => value !== undefined),
  );
}

function parametersOf(error: ValidationError, constraint: string) {
  const params = {
    ...metadataParameters(error, constraint),
    ...DERIVED_PARAMETERS.get(constraint)?.(error.value),
  };
  return Object.keys(params).length > 0 ? params : undefined;
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = fieldPath(prefix, e.property);
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) =>
      fieldError(field, constraint as Constraint, message, parametersOf(e, constraint)),
    );
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** 400 VALIDATION_FAILED naming each field, whichever check (pipe or input guard) found them. */
export function invalidRequest(details: FieldError[]): ValidationFailedError {
  const fields = [...new Set(details.map((d) => d.field))];
  return new ValidationFailedError(`Invalid request: ${fields.join(', ')}`, details);
}

/**
 * `exceptionFactory` for the global ValidationPipe: one detail per field and failed constraint.
 * The pipe must keep each error's target (`validationError.target`): the constraint's
 * parameters are read from the target class's validation metadata.
 */
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
    .map(([key]) => fieldError(fieldPath(prefix, key), 'isNotNull', 'must not be null'));
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
