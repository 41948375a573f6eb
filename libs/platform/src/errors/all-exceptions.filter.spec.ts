import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { AllExceptionsFilter, toErrorBody } from './all-exceptions.filter';
import { DomainError } from './domain-error';
import { type ErrorStatusMap, PLATFORM_ERRORS } from './error-codes';

// Only platform's own codes are thrown below; the composed map is the API's (apps/api).
const MAP = PLATFORM_ERRORS as unknown as ErrorStatusMap;

describe(toErrorBody.name, () => {
  it.each(Object.entries(PLATFORM_ERRORS))('maps domain code %s to status %i', (code, status) => {
    const { body } = toErrorBody(
      new DomainError(code as keyof typeof PLATFORM_ERRORS, 'm'),
      PLATFORM_ERRORS as unknown as ErrorStatusMap,
    );
    expect(body).toMatchObject({ statusCode: status, code, message: 'm' });
  });

  it('keeps details and never marks a domain error unexpected', () => {
    const result = toErrorBody(
      new DomainError('VALIDATION_FAILED', 'bad', [{ field: 'x', messages: ['y'] }]),
      MAP,
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
    const { body } = toErrorBody(new NotFoundException('Cannot GET /nowhere'), MAP);
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /nowhere',
    });
  });

  it('maps framework HTTP errors by status', () => {
    expect(
      toErrorBody(new BadRequestException('Validation failed (uuid is expected)'), MAP).body.code,
    ).toBe('BAD_REQUEST');
    expect(toErrorBody(new PayloadTooLargeException(), MAP).body.statusCode).toBe(413);
  });

  it('maps Fastify client errors by their statusCode', () => {
    const err = Object.assign(new Error('Unsupported Media Type: text/plain'), { statusCode: 415 });
    expect(toErrorBody(err, MAP).body).toMatchObject({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('hides anything else behind a 500 without the message or stack', () => {
    const result = toErrorBody(new TypeError('secret internals'), MAP);
    expect(result.unexpected).toBe(true);
    expect(result.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred',
    });
  });
});

describe(AllExceptionsFilter.name, () => {
  const reply = () => {
    const sent: {
      status?: number;
      body?: Record<string, unknown>;
      headers: Record<string, string>;
    } = { headers: {} };
    const r = {
      status: (code: number) => ((sent.status = code), r),
      send: (body: Record<string, unknown>) => ((sent.body = body), r),
      header: (k: string, v: string) => ((sent.headers[k] = v), r),
    };
    const host = { switchToHttp: () => ({ getResponse: () => r }) } as unknown as ArgumentsHost;
    return { sent, host };
  };

  it('answers an unexpected error 500 with an errorId that is also logged, and no stack', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { sent, host } = reply();
    new AllExceptionsFilter(MAP).catch(new Error('db password is hunter2'), host);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred',
      errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(sent.body)).not.toMatch(/hunter2|at /);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ errorId: sent.body!.errorId }),
      expect.any(String),
    );
    log.mockRestore();
  });

  it('sets Retry-After on throttled logins', () => {
    const { sent, host } = reply();
    new AllExceptionsFilter(MAP).catch(
      new DomainError('TOO_MANY_LOGIN_ATTEMPTS', 'wait', { retryAfterSeconds: 42 }),
      host,
    );
    expect(sent.status).toBe(429);
    expect(sent.headers['Retry-After']).toBe('42');
  });

  it("keeps 5xx HTTP exceptions' own words out of the body", () => {
    const { sent, host } = reply();
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    new AllExceptionsFilter(MAP).catch(new (class extends Error {})('x'), host);
    expect(sent.body!.message).toBe('An unexpected error occurred');
  });
});

describe('toErrorBody for unmapped statuses', () => {
  it('gives an unmapped 4xx BAD_REQUEST and hides a 5xx message', () => {
    const { HttpException } = jest.requireActual('@nestjs/common');
    expect(toErrorBody(new HttpException('Not Acceptable', 406), MAP).body).toMatchObject({
      statusCode: 406,
      code: 'BAD_REQUEST',
    });
    expect(toErrorBody(new HttpException('secret detail', 502), MAP).body).toMatchObject({
      statusCode: 502,
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred',
    });
  });
});
