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
 * content is kept once however often it is uploaded. Only a disk store exists today; an
 * S3-compatible one would implement the same two methods (see docs/operations.md).
 */
export abstract class FileStore {
  abstract put(content: Readable, options: PutOptions): Promise<StoredBlob>;
  abstract open(sha256: string): Promise<Readable>;
}

const SHA256 = /^[0-9a-f]{64}$/;

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
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(content: Readable, { maxBytes, checkHead }: PutOptions): Promise<StoredBlob> {
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
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
      const handle = await open(tmp, 'r');
      await handle.sync();
      await handle.close();
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      if (await exists(target)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
        await rename(tmp, target);
      }
      return { sha256, size };
    } catch (error) {
      await rm(tmp, { force: true });
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) throw new DomainError('NOT_FOUND', 'File content not found');
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
