import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { toErrorBody } from './all-exceptions.filter';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-codes';

describe(toErrorBody.name, () => {
  it.each(Object.entries(ERROR_STATUS))('maps domain code %s to status %i', (code, status) => {
    const { body } = toErrorBody(new DomainError(code as keyof typeof ERROR_STATUS, 'm'));
    expect(body).toMatchObject({ statusCode: status, code, message: 'm' });
  });

  it('keeps details and never marks a domain error unexpected', () => {
    const result = toErrorBody(
      new DomainError('VALIDATION_FAILED', 'bad', [{ field: 'x', messages: ['y'] }]),
    );
    expect(result).toEqual({
      unexpected: false,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'bad',
        details: [{ field: 'x', messages: ['y'] }],
      },
    });
  });

  it('turns an unknown route into ROUTE_NOT_FOUND', () => {
    const { body } = toErrorBody(new NotFoundException('Cannot GET /nowhere'));
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /nowhere',
    });
  });

  it('maps framework HTTP errors by status', () => {
    expect(
      toErrorBody(new BadRequestException('Validation failed (uuid is expected)')).body.code,
    ).toBe('BAD_REQUEST');
    expect(toErrorBody(new PayloadTooLargeException()).body.statusCode).toBe(413);
  });

  it('maps Fastify client errors by their statusCode', () => {
    const err = Object.assign(new Error('Unsupported Media Type: text/plain'), { statusCode: 415 });
    expect(toErrorBody(err).body).toMatchObject({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('hides anything else behind a 500 without the message or stack', () => {
    const result = toErrorBody(new TypeError('secret internals'));
    expect(result.unexpected).toBe(true);
    expect(result.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred',
    });
  });
});
