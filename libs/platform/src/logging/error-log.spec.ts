import { Writable } from 'node:stream';
import type { ArgumentsHost } from '@nestjs/common';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger, PinoLogger, type Params } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { storage, Store } from 'nestjs-pino/storage';
import pinoHttp from 'pino-http';
import { QueryFailedError } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { type ErrorStatusMap, PLATFORM_ERRORS } from '../errors/error-codes';
import { loggerParams } from './logging.module';

/** Every line a real pino logger wrote, parsed. */
function memoryStream(): { stream: Writable; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { stream, lines };
}

/** A unique violation as pg and TypeORM raise it, carrying the statement and its values. */
function uniqueViolation(): Error {
  const pgError = Object.assign(
    new Error('duplicate key value violates unique constraint "uq_member_id_digest"'),
    {
      name: 'error',
      code: '23505',
      severity: 'ERROR',
      constraint: 'uq_member_id_digest',
      table: 'member',
      detail: 'Key (id_digest)=(110101199001011234) already exists.',
    },
  );
  const failed = new QueryFailedError(
    'INSERT INTO "member"("id_digest", "phone") VALUES ($1, $2)',
    ['110101199001011234', '13800138000'],
    pgError,
  );
  return new Error('Registering the household failed', { cause: failed });
}

function reply() {
  const sent: { body?: Record<string, unknown> } = {};
  const r = {
    status: () => r,
    header: () => r,
    send: (body: Record<string, unknown>) => (sent.body = body),
  };
  return { r, sent };
}

describe('The log line of an unexpected error', () => {
  const params = loggerParams({
    env: 'production',
    serviceName: 'onedoor-test',
    log: { level: 'info' },
  } as AppConfig);

  afterEach(() => {
    __resetOutOfContextForTests();
    NestLogger.overrideLogger(false);
  });

  async function logThroughFilter(inRequest: boolean) {
    const { stream, lines } = memoryStream();
    const withStream: Params = { ...params, pinoHttp: [params.pinoHttp as object, stream] };
    NestLogger.overrideLogger(new Logger(new PinoLogger(withStream), withStream));
    const sut = new AllExceptionsFilter(PLATFORM_ERRORS as unknown as ErrorStatusMap);
    const { r, sent } = reply();
    const host = { switchToHttp: () => ({ getResponse: () => r }) } as unknown as ArgumentsHost;
    const catchIt = () => sut.catch(uniqueViolation(), host);
    // Inside a request, nestjs-pino logs through pino-http's logger, whose error serializer wraps ours.
    if (inRequest) {
      const requestLogger = pinoHttp(params.pinoHttp as object, stream).logger;
      storage.run(new Store(requestLogger), catchIt);
    } else catchIt();
    await new Promise((resolve) => setImmediate(resolve));
    return { line: lines.find((l) => l.level === 50)!, body: sent.body! };
  }

  it.each([
    ['outside a request', false],
    ['inside a request', true],
  ])(
    'names the error, its SQLSTATE, constraint, causes and stack, with the errorId answered (%s)',
    async (_where, inRequest) => {
      const { line, body } = await logThroughFilter(inRequest);
      expect(body).toMatchObject({ statusCode: 500, errorId: expect.any(String) });
      expect(line.errorId).toBe(body.errorId);
      expect(line.err).toMatchObject({
        type: 'Error',
        message: 'Registering the household failed',
        stack: expect.stringContaining('error-log.spec.ts'),
        causes: [
          {
            type: 'QueryFailedError',
            message: 'duplicate key value violates unique constraint "uq_member_id_digest"',
            code: '23505',
            sqlState: '23505',
            constraint: 'uq_member_id_digest',
            table: 'member',
            stack: expect.any(String),
          },
          expect.objectContaining({ sqlState: '23505', constraint: 'uq_member_id_digest' }),
        ],
      });
      // The failed statement's values (an identity number, a phone) never reach the log.
      const text = JSON.stringify(line);
      expect(text).not.toContain('110101199001011234');
      expect(text).not.toContain('13800138000');
      expect(text).not.toContain('INSERT INTO');
    },
  );
});
