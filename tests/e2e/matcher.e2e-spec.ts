import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { QUEUES } from '@onedoor/platform';
import { eventually, startMatcherProcess } from './support/matcher-process';

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
    const sut = startMatcherProcess();
    try {
      await eventually(
        async () => sut.output().includes('matcher ready') || sut.child.exitCode !== null,
        30_000,
        'matcher ready',
      );
      expect(sut.child.exitCode).toBeNull();
      // The worker consumed the heartbeat its scheduler enqueued.
      const done = await eventually(
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
    const sut = startMatcherProcess({ REDIS_URL: 'not-a-url' });
    const exit = await exitOf(sut.child);
    expect(exit.code).toBe(78);
    expect(sut.output()).toMatch(/REDIS_URL must be a redis:\/\/ URL/);
  });
});
