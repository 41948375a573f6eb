import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** The compiled matcher as its own process, on the run's database and Redis prefix. */
export function startMatcherProcess(env: Record<string, string> = {}): {
  child: ChildProcess;
  output: () => string;
  /** Resolves once it logs `matcher ready`; fails with its output if it exits first. */
  ready: () => Promise<void>;
  stop: () => Promise<void>;
} {
  let output = '';
  const child = spawn(process.execPath, [join(root, 'dist/apps/matcher/src/main.js')], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      // 'close', not 'exit': its last lines (the totals at shutdown) may still be in the pipe.
      child.once('close', () => resolve());
      child.kill('SIGTERM');
    });
  const ready = async () => {
    await eventually(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`the matcher exited (${child.exitCode}):\n${output}`);
        }
        return output.includes('matcher ready');
      },
      30_000,
      'the matcher to start',
    );
  };
  return { child, output: () => output, ready, stop };
}

/** Polls until `probe` returns something truthy, or fails naming what it waited for. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  ms: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * The matcher process for the enclosing `describe` block: started in a `beforeAll` that waits
 * until it is ready (or fails with its output if it exits first), stopped in an `afterAll`.
 */
export function withMatcher(env: Record<string, string> = {}): { output: () => string } {
  let matcher: ReturnType<typeof startMatcherProcess> | undefined;
  beforeAll(async () => {
    matcher = startMatcherProcess(env);
    await matcher.ready();
  });
  afterAll(() => matcher?.stop());
  return { output: () => matcher?.output() ?? '' };
}
