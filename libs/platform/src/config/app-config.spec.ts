import { ConfigValidationError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(32),
  PII_HMAC_KEY: Buffer.alloc(32, 1).toString('base64'),
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'),
};

describe(loadConfig.name, () => {
  it('fills defaults and types values', () => {
    const sut = loadConfig({ ...valid, PORT: '8080', TRUST_PROXY: '1' });
    expect(sut.http).toEqual({ port: 8080, host: '0.0.0.0', trustProxy: 1 });
    expect(sut.auth).toMatchObject({
      jwtExpiresInSeconds: 900,
      refreshTokenDays: 14,
      loginMaxFailures: 10,
      loginFailureWindowMinutes: 15,
      loginMaxDailyFailuresPerAddress: 100,
    });
    expect(sut.redis.queuePrefix).toBe('onedoor');
    expect(sut.redis.scheduleCheckSeconds).toBe(60);
    expect(sut.matching.reconcileSeconds).toBe(600);
  });

  it('reads the recovery intervals (the scheduler check, the reconcile sweep)', () => {
    const sut = loadConfig({
      ...valid,
      SCHEDULE_CHECK_SECONDS: '5',
      MATCH_RECONCILE_SECONDS: '30',
    });
    expect(sut.redis.scheduleCheckSeconds).toBe(5);
    expect(sut.matching.reconcileSeconds).toBe(30);
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: undefined }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['REDIS_URL', { REDIS_URL: '' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['PORT', { PORT: 'eighty' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['DB_MIGRATE_ON_START', { DB_MIGRATE_ON_START: 'perhaps' }],
    ['PII_ENCRYPTION_KEY', { PII_ENCRYPTION_KEY: 'c2hvcnQ=' }],
    ['LOW_INCOME_RATIO', { LOW_INCOME_RATIO: 'high' }],
    ['SCHEDULE_CHECK_SECONDS', { SCHEDULE_CHECK_SECONDS: '0' }],
    ['MATCH_RECONCILE_SECONDS', { MATCH_RECONCILE_SECONDS: 'often' }],
  ])('refuses a missing or malformed %s, naming it', (name, change) => {
    let error: unknown;
    try {
      loadConfig({ ...valid, ...change });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems.map((p) => p.split(':')[0])).toEqual([name]);
  });
});

describe('loadConfig optional variables', () => {
  it('reads SERVICE_NAME and treats empty values as unset', () => {
    const sut = loadConfig({ ...valid, SERVICE_NAME: 'onedoor-matcher', PORT: '' });
    expect(sut.serviceName).toBe('onedoor-matcher');
    expect(sut.http.port).toBe(3000);
  });
});
