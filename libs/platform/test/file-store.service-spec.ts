import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  createS3Client,
  DiskFileStore,
  DomainError,
  type FileStore,
  S3FileStore,
} from '@onedoor/platform';
import { startS3Server } from '../../../tests/service/support/s3-server';

/** One store under test, with what the cases need to look behind it. */
interface Harness {
  sut: FileStore;
  /** The blob names kept, `<first two hex>/<sha256>`. */
  blobs(): Promise<string[]>;
  /** Changes whenever the blob is written again (a dedup failure would change it). */
  version(sha256: string): Promise<string>;
  /** Upload temp files left behind. */
  tmpFiles(): Promise<string[]>;
}

const BUCKET = 'onedoor-test';
let s3: Awaited<ReturnType<typeof startS3Server>>;
let client: S3Client;
let dir: string;

// No database: the disk store's only I/O is a temp folder, the S3 store's a real S3 HTTP
// server (s3rver) in this process. Both stores must behave alike.
beforeAll(async () => {
  s3 = await startS3Server();
  client = createS3Client(
    {
      bucket: BUCKET,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      prefix: '',
      forcePathStyle: true,
    },
    { credentials: s3.credentials },
  );
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => {
  client.destroy();
  await s3.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onedoor-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function disk(): Harness {
  return {
    sut: new DiskFileStore(dir),
    async blobs() {
      const folders = (await readdir(dir)).filter((d) => d !== 'tmp');
      const names = await Promise.all(
        folders.map(async (f) => (await readdir(join(dir, f))).map((n) => `${f}/${n}`)),
      );
      return names.flat();
    },
    // A blob renamed over again would be a new inode.
    version: async (sha256) => String((await stat(join(dir, sha256.slice(0, 2), sha256))).ino),
    tmpFiles: () => readdir(join(dir, 'tmp')).catch(() => []),
  };
}

function s3Store(): Harness {
  // Each case under its own prefix in the shared bucket, so cases cannot see each other's blobs.
  const prefix = `run-${randomUUID()}/`;
  const tmpDir = join(dir, 'tmp');
  const puts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      const input = args.input as { Key?: string };
      if (context.commandName === 'PutObjectCommand' && input.Key) {
        puts.set(input.Key, (puts.get(input.Key) ?? 0) + 1);
      }
      return next(args);
    },
    { step: 'initialize', name: `count-puts-${prefix}` },
  );
  return {
    sut: new S3FileStore(client, { bucket: BUCKET, prefix, tmpDir }),
    async blobs() {
      const listed = await client.send(
        new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }),
      );
      return (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length));
    },
    version: async (sha256) => String(puts.get(`${prefix}${sha256.slice(0, 2)}/${sha256}`) ?? 0),
    tmpFiles: () => readdir(tmpDir).catch(() => []),
  };
}

describe.each([
  ['DiskFileStore', disk],
  ['S3FileStore', s3Store],
])('%s', (_name, harness) => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const read = async (content: Readable) => {
    const back: Buffer[] = [];
    for await (const c of content) back.push(c as Buffer);
    return Buffer.concat(back).toString();
  };

  it('stores content under its sha256, once however often it is sent', async () => {
    const first = await h.sut.put(chunks('%PDF-1.7 ', 'hello'), { maxBytes: 100 });
    expect(first).toEqual({ sha256: sha('%PDF-1.7 hello'), size: 14 });
    const written = await h.version(first.sha256);
    const again = await h.sut.put(chunks('%PDF-1.7 hel', 'lo'), { maxBytes: 100 });
    expect(again).toEqual(first);
    expect(await h.blobs()).toEqual([`${first.sha256.slice(0, 2)}/${first.sha256}`]);
    expect(await h.version(first.sha256)).toBe(written);
    expect(await h.tmpFiles()).toEqual([]);
    expect(await read(await h.sut.open(first.sha256))).toBe('%PDF-1.7 hello');
  });

  it('checks the leading bytes, even across chunks, and keeps nothing it refused', async () => {
    const heads: string[] = [];
    const refuse = (head: Buffer) => {
      heads.push(head.toString());
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'no');
    };
    await expect(
      h.sut.put(chunks('MZ', 'program body'), { maxBytes: 100, checkHead: refuse }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(heads).toEqual(['MZprogra']);
    // A file shorter than the head is checked at its end.
    await expect(h.sut.put(chunks('ab'), { maxBytes: 100, checkHead: refuse })).rejects.toThrow();
    expect(heads[1]).toBe('ab');
    expect(await h.tmpFiles()).toEqual([]);
    expect(await h.blobs()).toEqual([]);
  });

  it('refuses more than maxBytes with 413 and keeps nothing; exactly maxBytes is kept', async () => {
    await expect(h.sut.put(chunks('12345', '6'), { maxBytes: 5 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await h.tmpFiles()).toEqual([]);
    expect(await h.blobs()).toEqual([]);
    const kept = await h.sut.put(chunks('12345'), { maxBytes: 5 });
    expect(kept).toMatchObject({ size: 5 });
    // A stream the multipart parser cut at its limit counts as too large too.
    const cut = Object.assign(chunks('abc'), { truncated: true });
    await expect(h.sut.put(cut, { maxBytes: 5 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await h.blobs()).toEqual([`${kept.sha256.slice(0, 2)}/${kept.sha256}`]);
    expect(await h.tmpFiles()).toEqual([]);
  });

  it('never names a blob before it is complete: a failing source leaves nothing', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('%PDF-partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(h.sut.put(failing, { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(await h.tmpFiles()).toEqual([]);
    expect(await h.blobs()).toEqual([]);
  });

  it('answers NOT_FOUND for a sha256 it does not hold, and refuses what is not a sha256', async () => {
    await expect(h.sut.open(sha('never stored'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'File content not found',
    });
    await expect(h.sut.open('../../etc/passwd')).rejects.toThrow('Not a sha256');
  });
});
