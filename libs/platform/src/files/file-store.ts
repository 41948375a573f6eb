import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../errors/domain-error';
import { MAGIC_BYTES } from './file-type.util';

/** What a store keeps of one upload. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface PutOptions {
  /** More bytes than this and the upload is refused (413) and nothing is kept. */
  maxBytes: number;
  /** Called once with the leading bytes (at most MAGIC_BYTES); throwing refuses the upload. */
  checkHead?: (head: Buffer) => void;
}

/**
 * Content-addressed storage of uploaded bytes: a blob is named by its sha256, so the same
 * content is kept once however often it is uploaded. Two stores: on the local disk (below) and
 * S3-compatible (s3-file-store.ts), chosen by FILES_STORE (see docs/operations.md, Files).
 */
export abstract class FileStore {
  abstract put(content: Readable, options: PutOptions): Promise<StoredBlob>;
  abstract open(sha256: string): Promise<Readable>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** `<first two hex>/<sha256>`: the layout of every store, so no folder holds every blob. */
export function blobName(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** What every store answers for a sha256 it does not hold. */
export function missingBlob(): DomainError {
  return new DomainError('NOT_FOUND', 'File content not found');
}

/**
 * Streams `content` into a new file at `tmp` through the checks every store applies: more than
 * `maxBytes` is refused with 413, `checkHead` sees the leading bytes once (even a file shorter
 * than them, at its end), and the sha256 and size are counted on the way. On any failure the
 * temp file is removed before the error is thrown; on success the caller owns it.
 */
export async function spoolUpload(
  content: Readable,
  tmp: string,
  { maxBytes, checkHead }: PutOptions,
): Promise<StoredBlob> {
  const hash = createHash('sha256');
  let size = 0;
  let head: Buffer | null = Buffer.alloc(0);
  const checkOnce = () => {
    if (head === null) return;
    const bytes = head;
    head = null;
    checkHead?.(bytes);
  };
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      try {
        if (head !== null) {
          head = Buffer.concat([head, chunk.subarray(0, MAGIC_BYTES - head.length)]);
          if (head.length >= MAGIC_BYTES) checkOnce();
        }
      } catch (error) {
        return done(error as Error);
      }
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      try {
        checkOnce();
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  try {
    await pipeline(content, meter, createWriteStream(tmp, { flags: 'wx' }));
    // @fastify/multipart cuts a file at its limit and marks the stream truncated.
    if ((content as { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
    return { sha256: hash.digest('hex'), size };
  } catch (error) {
    await rm(tmp, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
}

/**
 * Blobs under `dir/<first two hex>/<sha256>`. Each upload is written to `dir/tmp` (same
 * filesystem), flushed, then renamed into place: a crash leaves at most a stray temp file,
 * never half a blob under a sha256 name.
 */
export class DiskFileStore extends FileStore {
  constructor(private readonly dir: string) {
    super();
  }

  pathOf(sha256: string): string {
    return join(this.dir, blobName(sha256));
  }

  async put(content: Readable, options: PutOptions): Promise<StoredBlob> {
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const blob = await spoolUpload(content, tmp, options);
    try {
      const handle = await open(tmp, 'r');
      await handle.sync();
      await handle.close();
      const target = this.pathOf(blob.sha256);
      if (await exists(target)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(join(this.dir, blob.sha256.slice(0, 2)), { recursive: true });
        await rename(tmp, target);
      }
      return blob;
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) throw missingBlob();
    return createReadStream(path);
  }
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, {
    maxBytes,
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
