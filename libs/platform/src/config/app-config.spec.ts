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
    expect(sut.http).toEqual({
      port: 8080,
      host: '0.0.0.0',
      trustProxy: 1,
      consoleDir: 'apps/console/dist',
    });
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

describe('loadConfig webhooks and e-mail', () => {
  it('leaves e-mail off without SMTP_URL and reads the webhook limits', () => {
    const sut = loadConfig(valid);
    expect(sut.mail).toEqual({ smtpUrl: null, from: 'OneDoor <no-reply@onedoor.local>' });
    expect(sut.webhooks).toEqual({
      attempts: 6,
      backoffMs: 10_000,
      disableAfterFailures: 10,
      timeoutMs: 10_000,
    });
    const set = loadConfig({
      ...valid,
      SMTP_URL: 'smtps://u:p@smtp.example.com:465',
      WEBHOOK_DISABLE_AFTER_FAILURES: '3',
    });
    expect(set.mail.smtpUrl).toBe('smtps://u:p@smtp.example.com:465');
    expect(set.webhooks.disableAfterFailures).toBe(3);
  });

  it('refuses an SMTP_URL that is not smtp(s)', () => {
    expect(() => loadConfig({ ...valid, SMTP_URL: 'http://mail.example.com' })).toThrow(
      /SMTP_URL must be an smtp/,
    );
  });
});

describe('loadConfig file store', () => {
  it('keeps files on disk by default, with no S3 settings', () => {
    expect(loadConfig(valid).files).toEqual({
      dir: '.data/files',
      maxBytes: 20 * 1024 * 1024,
      store: 'disk',
      s3: null,
    });
  });

  it('reads the S3 settings when FILES_STORE is s3, with defaults for region and prefix', () => {
    expect(
      loadConfig({ ...valid, FILES_STORE: 's3', FILES_S3_BUCKET: 'onedoor-files' }).files.s3,
    ).toEqual({
      bucket: 'onedoor-files',
      endpoint: null,
      region: 'us-east-1',
      prefix: '',
      forcePathStyle: false,
    });
    const minio = loadConfig({
      ...valid,
      FILES_STORE: 's3',
      FILES_S3_BUCKET: 'examplebucket-1250000000',
      FILES_S3_ENDPOINT: 'http://minio:9000',
      FILES_S3_REGION: 'ap-guangzhou',
      FILES_S3_PREFIX: 'onedoor/files/',
      FILES_S3_FORCE_PATH_STYLE: 'true',
    });
    expect(minio.files.s3).toEqual({
      bucket: 'examplebucket-1250000000',
      endpoint: 'http://minio:9000',
      region: 'ap-guangzhou',
      prefix: 'onedoor/files/',
      forcePathStyle: true,
    });
  });

  it.each([
    ['FILES_S3_BUCKET', { FILES_STORE: 's3' }],
    ['FILES_S3_BUCKET', { FILES_STORE: 's3', FILES_S3_BUCKET: 'Not_A_Bucket' }],
    ['FILES_STORE', { FILES_STORE: 'nfs' }],
    ['FILES_S3_ENDPOINT', { FILES_S3_ENDPOINT: 'minio:9000' }],
    ['FILES_S3_PREFIX', { FILES_S3_PREFIX: '/onedoor/' }],
    ['FILES_S3_FORCE_PATH_STYLE', { FILES_S3_FORCE_PATH_STYLE: 'yes' }],
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

  it('says what is missing when s3 has no bucket', () => {
    expect(() => loadConfig({ ...valid, FILES_STORE: 's3' })).toThrow(
      /FILES_S3_BUCKET must name a bucket .* when FILES_STORE is s3/,
    );
  });
});
