import { loadConfig } from '../config/app-config';
import { DiskFileStore } from './file-store';
import { createFileStore } from './files.module';
import { createS3Client, S3FileStore } from './s3-file-store';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(32),
  PII_HMAC_KEY: Buffer.alloc(32, 1).toString('base64'),
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'),
};
const sha = 'ab'.padEnd(64, '0');

describe(createFileStore.name, () => {
  it('keeps files on disk under FILES_DIR unless FILES_STORE is s3', () => {
    const sut = createFileStore(loadConfig({ ...valid, FILES_DIR: '/srv/files' }));
    expect(sut).toBeInstanceOf(DiskFileStore);
    expect((sut as DiskFileStore).pathOf(sha)).toBe(`/srv/files/ab/${sha}`);
  });

  it('uses the bucket, with keys under the prefix laid out as on disk, when FILES_STORE is s3', () => {
    const sut = createFileStore(
      loadConfig({
        ...valid,
        FILES_STORE: 's3',
        FILES_S3_BUCKET: 'onedoor-files',
        FILES_S3_PREFIX: 'prod/',
      }),
    ) as S3FileStore;
    expect(sut).toBeInstanceOf(S3FileStore);
    expect(sut.keyOf(sha)).toBe(`prod/ab/${sha}`);
    expect(() => sut.keyOf('../x')).toThrow('Not a sha256');
    sut.onModuleDestroy();
  });
});

describe(createS3Client.name, () => {
  it('passes the endpoint, region and path style, and asks for checksums only where required', async () => {
    const sut = createS3Client({
      bucket: 'b',
      endpoint: 'http://minio:9000',
      region: 'cn-hangzhou',
      prefix: '',
      forcePathStyle: true,
    });
    expect(await sut.config.region()).toBe('cn-hangzhou');
    expect(sut.config.forcePathStyle).toBe(true);
    expect(await sut.config.endpoint!()).toMatchObject({ hostname: 'minio', port: 9000 });
    expect(await sut.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    sut.destroy();
  });
});
