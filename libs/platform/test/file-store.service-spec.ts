import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DiskFileStore, DomainError } from '@onedoor/platform';

// The disk store on a temporary folder (no database: its only I/O is the local disk).
describe(DiskFileStore.name, () => {
  let dir: string;
  let sut: DiskFileStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onedoor-files-'));
    sut = new DiskFileStore(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const tmpFiles = async () => readdir(join(dir, 'tmp')).catch(() => []);

  it('stores content under its sha256, once however often it is sent', async () => {
    const first = await sut.put(chunks('%PDF-1.7 ', 'hello'), { maxBytes: 100 });
    expect(first).toEqual({ sha256: sha('%PDF-1.7 hello'), size: 14 });
    const again = await sut.put(chunks('%PDF-1.7 hel', 'lo'), { maxBytes: 100 });
    expect(again).toEqual(first);
    expect(await readdir(join(dir, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
    expect(await tmpFiles()).toEqual([]);
    const back: Buffer[] = [];
    for await (const c of await sut.open(first.sha256)) back.push(c as Buffer);
    expect(Buffer.concat(back).toString()).toBe('%PDF-1.7 hello');
  });

  it('checks the leading bytes, even across chunks, and keeps nothing it refused', async () => {
    const heads: string[] = [];
    const refuse = (head: Buffer) => {
      heads.push(head.toString());
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'no');
    };
    await expect(
      sut.put(chunks('MZ', 'program body'), { maxBytes: 100, checkHead: refuse }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(heads).toEqual(['MZprogra']);
    // A file shorter than the head is checked at its end.
    await expect(sut.put(chunks('ab'), { maxBytes: 100, checkHead: refuse })).rejects.toThrow();
    expect(heads[1]).toBe('ab');
    expect(await tmpFiles()).toEqual([]);
    expect((await readdir(dir)).filter((d) => d !== 'tmp')).toEqual([]);
  });

  it('refuses more than maxBytes with 413 and leaves no file; exactly maxBytes is kept', async () => {
    await expect(sut.put(chunks('12345', '6'), { maxBytes: 5 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await tmpFiles()).toEqual([]);
    expect(await sut.put(chunks('12345'), { maxBytes: 5 })).toMatchObject({ size: 5 });
    // A stream the multipart parser cut at its limit counts as too large too.
    const cut = Object.assign(chunks('abc'), { truncated: true });
    await expect(sut.put(cut, { maxBytes: 5 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('never names a blob before it is complete: a failing source leaves only nothing', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('%PDF-partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(sut.put(failing, { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(await tmpFiles()).toEqual([]);
    expect((await readdir(dir)).filter((d) => d !== 'tmp')).toEqual([]);
    await expect(sut.open(sha('%PDF-partial'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => sut.pathOf('../../etc/passwd')).toThrow();
  });
});
