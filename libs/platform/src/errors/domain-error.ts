import type { Constraint } from './constraint-messages';
import { ErrorCode } from './error-codes';

/**
 * A rule of the domain was broken. Services throw these (never HttpExceptions); the
 * error filter turns the code into a status and the one error body.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, code: ErrorCode = 'NOT_FOUND') {
    super(code, `${entity} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this') {
    super('FORBIDDEN', message);
  }
}

/** Optimistic locking: the caller edited from a version that is no longer current. */
export class StaleVersionError extends DomainError {
  constructor(entity: string, sent: number, current: number) {
    super('STALE_VERSION', `${entity} was changed since version ${sent} (now ${current})`, {
      currentVersion: current,
    });
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message: string, details: FieldError[]) {
    super('VALIDATION_FAILED', message, details);
  }
}

/**
 * One failed check of one field: the path (`members[0].idNumber`), the constraint's key
 * (`isIdNumber`), its parameters (`{ min: 1, max: 40 }`) and the thrower's English sentence,
 * which the error filter replaces with the constraint's text in the request's language.
 */
export interface FieldError {
  field: string;
  constraint: Constraint;
  params?: Record<string, unknown>;
  message: string;
}
