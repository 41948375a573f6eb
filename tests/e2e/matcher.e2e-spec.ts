import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { QUEUES } from '@onedoor/platform';

const root = join(__dirname, '..', '..');
const entry = join(root, 'dist/apps/matcher/src/main.js');

function startMatcher(env: Record<string, string> = {}): {
  child: ChildProcess;
  output: () => string;
} {
  let output = '';
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  return { child, output: () => output };
}

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  ms: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null) return resolve({ code: child.exitCode, signal: null });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('Matcher process (e2e)', () => {
  // The compiled worker: `npm test` builds before the e2e run.
  it('boots against the same services, runs its heartbeat, and shuts down gracefully', async () => {
    const queue = new Queue(QUEUES.maintenance, {
      connection: { url: process.env.REDIS_URL! },
      prefix: process.env.QUEUE_PREFIX,
    });
    const sut = startMatcher();
    try {
      await until(
        () => sut.output().includes('matcher ready') || sut.child.exitCode !== null || undefined,
        30_000,
        'matcher ready',
      );
      expect(sut.child.exitCode).toBeNull();
      // The worker consumed the heartbeat its scheduler enqueued.
      const done = await until(
        async () => (await queue.getCompleted()).find((j) => j.name === 'heartbeat'),
        15_000,
        'a completed heartbeat',
      );
      expect(done.returnvalue).toMatchObject({ beats: expect.any(Number) });

      sut.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([
        exitOf(sut.child),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no exit within 15 s')), 15_000);
        }),
      ]).finally(() => clearTimeout(timer));
      expect(exit).toEqual({ code: 0, signal: null });
      expect(sut.output()).toMatch(/matcher stopped/);
    } finally {
      if (sut.child.exitCode === null) sut.child.kill('SIGKILL');
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });

  it('refuses to start with a malformed environment, naming the variable', async () => {
    const sut = startMatcher({ REDIS_URL: 'not-a-url' });
    const exit = await exitOf(sut.child);
    expect(exit.code).toBe(78);
    expect(sut.output()).toMatch(/REDIS_URL must be a redis:\/\/ URL/);
  });
});
