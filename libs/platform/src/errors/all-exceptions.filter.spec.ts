import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import {
  AllExceptionsFilter,
  type ErrorTranslator,
  localizeErrorBody,
  toErrorBody,
} from './all-exceptions.filter';
import {
  DomainError,
  NotFoundError,
  StaleVersionError,
  ValidationFailedError,
} from './domain-error';
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
      new DomainError('VALIDATION_FAILED', 'bad', [
        { field: 'x', constraint: 'isString', message: 'y' },
      ]),
      MAP,
    );
    expect(result).toEqual({
      unexpected: false,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'bad',
        details: [{ field: 'x', constraint: 'isString', message: 'y' }],
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

describe(localizeErrorBody.name, () => {
  // A catalog as nestjs-i18n serves it in the API: `{name}` filled from the arguments.
  const CATALOG: Record<string, string> = {
    'errors.STALE_VERSION': '该记录已被他人修改（当前版本 {currentVersion}），请刷新后重试',
    'errors.VALIDATION_FAILED': '提交的信息有误，请按提示修改',
    'constraints.isLength': '长度应为 {min} 至 {max} 个字符',
    'constraints.isIdNumber.check_digit': '身份证号校验位不正确',
    'constraints.isIdNumber.default': '身份证号不正确',
  };
  const translate: ErrorTranslator = (key, _lang, args) =>
    CATALOG[key]?.replace(/\{(\w+)\}/g, (_, name: string) => String(args?.[name]));
  const stale = () =>
    toErrorBody(new StaleVersionError('Household', 2, 4), PLATFORM_ERRORS as never).body;
  const invalid = () =>
    toErrorBody(
      new ValidationFailedError('Invalid request: members[0].idNumber, name', [
        {
          field: 'members[0].idNumber',
          constraint: 'isIdNumber',
          params: { problem: 'check_digit' },
          message: 'idNumber has a wrong check digit (GB 11643)',
        },
        {
          field: 'name',
          constraint: 'isLength',
          params: { min: 1, max: 40 },
          message: 'name must be longer than or equal to 1 characters',
        },
        { field: 'x', constraint: 'isString', message: 'x must be a string' },
      ]),
      PLATFORM_ERRORS as never,
    ).body;

  it("answers zh-CN with the code's text, filled from the error's details", () => {
    expect(localizeErrorBody(stale(), 'zh-CN', translate)).toMatchObject({
      code: 'STALE_VERSION',
      message: '该记录已被他人修改（当前版本 4），请刷新后重试',
      details: { currentVersion: 4 },
    });
  });

  it("keeps the thrower's own English in en", () => {
    expect(localizeErrorBody(stale(), 'en', translate).message).toBe(
      'Household was changed since version 2 (now 4)',
    );
    expect(localizeErrorBody(invalid(), 'en', translate)).toEqual(invalid());
  });

  it('localizes each field error by its constraint, its problem variant and parameters, keeping the rest', () => {
    const body = localizeErrorBody(invalid(), 'zh-CN', translate);
    expect(body.message).toBe('提交的信息有误，请按提示修改');
    expect(body.details).toEqual([
      {
        field: 'members[0].idNumber',
        constraint: 'isIdNumber',
        params: { problem: 'check_digit' },
        message: '身份证号校验位不正确',
      },
      {
        field: 'name',
        constraint: 'isLength',
        params: { min: 1, max: 40 },
        message: '长度应为 1 至 40 个字符',
      },
      // No template: the English sentence rather than nothing.
      { field: 'x', constraint: 'isString', message: 'x must be a string' },
    ]);
  });
});

describe(`${AllExceptionsFilter.name} languages`, () => {
  const translate: ErrorTranslator = (key, lang) =>
    key === 'errors.NOT_FOUND' && lang === 'zh-CN' ? '未找到相关记录' : undefined;
  const answer = (request: { query?: object; headers?: Record<string, string> }) => {
    const sent: { body?: { message: string }; headers: Record<string, string> } = {
      headers: {},
    };
    const r = {
      status: () => r,
      send: (body: { message: string }) => ((sent.body = body), r),
      header: (k: string, v: string) => ((sent.headers[k] = v), r),
    };
    const host = {
      switchToHttp: () => ({
        getResponse: () => r,
        getRequest: () => ({ query: {}, headers: {}, ...request }),
      }),
    } as unknown as ArgumentsHost;
    new AllExceptionsFilter(MAP, translate).catch(new NotFoundError('Household'), host);
    return sent;
  };

  it('answers zh-CN by default and says so in Content-Language', () => {
    const sent = answer({});
    expect(sent.body!.message).toBe('未找到相关记录');
    expect(sent.headers['Content-Language']).toBe('zh-CN');
  });

  it('answers en when Accept-Language asks for it, or ?lang=en', () => {
    expect(answer({ headers: { 'accept-language': 'en-US,en;q=0.9' } }).body!.message).toBe(
      'Household not found',
    );
    const byQuery = answer({ query: { lang: 'en' }, headers: { 'accept-language': 'zh-CN' } });
    expect(byQuery.body!.message).toBe('Household not found');
    expect(byQuery.headers['Content-Language']).toBe('en');
  });

  it('answers zh-CN to a language it does not speak', () => {
    expect(answer({ headers: { 'accept-language': 'fr-FR' } }).body!.message).toBe(
      '未找到相关记录',
    );
  });

  it('stays English, without Content-Language, when the program has no catalogs', () => {
    const sent: { body?: { message: string }; headers: Record<string, string> } = { headers: {} };
    const r = {
      status: () => r,
      send: (body: { message: string }) => ((sent.body = body), r),
      header: (k: string, v: string) => ((sent.headers[k] = v), r),
    };
    const host = { switchToHttp: () => ({ getResponse: () => r }) } as unknown as ArgumentsHost;
    new AllExceptionsFilter(MAP).catch(new NotFoundError('Household'), host);
    expect(sent.body!.message).toBe('Household not found');
    expect(sent.headers['Content-Language']).toBeUndefined();
  });
});
