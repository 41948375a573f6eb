import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { OnModuleDestroy } from '@nestjs/common';
import type { S3StoreConfig } from '../config/app-config';
import {
  blobName,
  FileStore,
  missingBlob,
  type PutOptions,
  spoolUpload,
  type StoredBlob,
} from './file-store';

/**
 * An S3 client for `config`. Credentials come from the SDK's own chain (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, or an instance role). Checksums only where an operation requires them:
 * the SDK's default (a CRC32 trailer in an aws-chunked body) is not understood by every
 * S3-compatible store, and each upload carries its SHA-256 anyway (see `put`).
 */
export function createS3Client(config: S3StoreConfig, extra: S3ClientConfig = {}): S3Client {
  return new S3Client({
    ...extra,
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export interface S3FileStoreOptions {
  bucket: string;
  /** Put before every key, e.g. `onedoor/`; empty: keys at the bucket's root. */
  prefix: string;
  /** A local folder for uploads while they arrive and are checked. */
  tmpDir: string;
}

/**
 * Blobs as objects `<prefix><first two hex>/<sha256>` in one bucket (AWS S3, MinIO, Aliyun OSS,
 * Tencent COS). An upload is spooled to a local temp file through the same checks as on disk,
 * so a refused or broken upload never reaches the bucket, and is sent once complete with its
 * length and SHA-256 (which the store verifies). An object appears whole or not at all, so a
 * crash leaves at most a local temp file.
 */
export class S3FileStore extends FileStore implements OnModuleDestroy {
  constructor(
    private readonly client: S3Client,
    private readonly options: S3FileStoreOptions,
  ) {
    super();
  }

  keyOf(sha256: string): string {
    return `${this.options.prefix}${blobName(sha256)}`;
  }

  async put(content: Readable, options: PutOptions): Promise<StoredBlob> {
    await mkdir(this.options.tmpDir, { recursive: true });
    const tmp = join(this.options.tmpDir, `${randomUUID()}.part`);
    const blob = await spoolUpload(content, tmp, options);
    try {
      const key = this.keyOf(blob.sha256);
      if (!(await this.exists(key))) {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.options.bucket,
            Key: key,
            Body: createReadStream(tmp),
            ContentLength: blob.size,
            ChecksumSHA256: Buffer.from(blob.sha256, 'hex').toString('base64'),
          }),
        );
      }
      return blob;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }),
      );
      // In Node the SDK's body is an http.IncomingMessage: a Readable.
      return Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw missingBlob();
      throw error;
    }
  }

  onModuleDestroy() {
    this.client.destroy();
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

/**
 * HEAD answers a bare 404 ("NotFound"), GET a NoSuchKey; some compatible stores differ. A missing
 * bucket is a configuration error, not a missing blob.
 */
function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    error.name !== 'NoSuchBucket' &&
    (error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      error.$metadata.httpStatusCode === 404)
  );
}
