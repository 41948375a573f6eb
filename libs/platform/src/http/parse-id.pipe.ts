import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';

/** `@Param('id', ParseIdPipe)`: a malformed id is a 400 VALIDATION_FAILED naming the field. */
export const ParseIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationFailedError('id must be a UUID', [
      { field: 'id', constraint: 'isUuid', message: 'must be a UUID' },
    ]),
});
