import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventually } from './support/matcher-process';

const supervise = pathToFileURL(join(__dirname, '..', '..', 'scripts/lib/supervise.mjs')).href;

// What `npm run up` does with its two apps, on two tiny stand-ins: each prints its pid, the
// one named "bad" exits 78 (bad configuration). Short backoff so that the test takes seconds.
const driver = `
import { superviseAll } from ${JSON.stringify(supervise)};
const app = (name, code = '') => ({
  name,
  command: process.execPath,
  args: ['-e', \`console.log('started ${'${name}'} ' + process.pid); \${code} setInterval(() => {}, 1000);\`],
  options: { stdio: 'inherit', detached: true },
});
const names = process.argv.slice(1);
const apps = superviseAll(
  names.map((n) => (n === 'bad' ? app(n, 'process.exit(78);') : app(n))),
  {
    log: (m) => console.log('[up] ' + m),
    onFatal: (name) => console.log('[up] fatal ' + name),
    backoff: { initialDelayMs: 200, maxDelayMs: 800, resetAfterMs: 1500 },
  },
);
process.on('SIGINT', async () => {
  await apps.stop();
  console.log('[up] stopped');
  process.exit(0);
});
`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('superviseAll (scripts/lib/supervise.mjs, as `npm run up` runs the apps)', () => {
  let sut: ChildProcess;
  let output = '';
  const start = (...names: string[]) => {
    output = '';
    sut = spawn(process.execPath, ['--input-type=module', '-e', driver, ...names], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    sut.stdout!.on('data', (c) => (output += c));
    sut.stderr!.on('data', (c) => (output += c));
  };
  const pidsOf = (name: string) =>
    [...output.matchAll(new RegExp(`^started ${name} (\\d+)$`, 'gm'))].map((m) => Number(m[1]));
  const startedAgain = (name: string, times: number) =>
    eventually(async () => pidsOf(name).length >= times, 10_000, `${name} started ${times}×`);

  afterEach(async () => {
    if (sut.exitCode === null) {
      sut.kill('SIGINT');
      await new Promise((r) => sut.once('exit', r));
    }
  });

  it('restarts a killed app with a doubling pause, resets it after a long run, leaves the other alone, and stops all on Ctrl-C', async () => {
    start('api', 'matcher');
    await startedAgain('api', 1);
    await startedAgain('matcher', 1);
    const [api] = pidsOf('api');

    for (const [n, pause] of [
      [2, '0.2'],
      [3, '0.4'],
      [4, '0.8'],
      [5, '0.8'],
    ] as const) {
      process.kill(pidsOf('matcher').at(-1)!, 'SIGKILL');
      await startedAgain('matcher', n);
      expect(output).toContain(`[up] matcher exited (signal SIGKILL); restarting in ${pause} s`);
    }
    // After a run longer than resetAfterMs, a crash restarts after the first pause again.
    await new Promise((r) => setTimeout(r, 1_700));
    process.kill(pidsOf('matcher').at(-1)!, 'SIGKILL');
    await startedAgain('matcher', 6);
    expect(
      output
        .trim()
        .split('\n')
        .filter((l) => l.includes('restarting'))
        .at(-1),
    ).toBe('[up] matcher exited (signal SIGKILL); restarting in 0.2 s');
    // The API kept running the whole time.
    expect(pidsOf('api')).toEqual([api]);
    expect(alive(api)).toBe(true);

    const children = [api, pidsOf('matcher').at(-1)!];
    sut.kill('SIGINT');
    const code = await new Promise((r) => sut.once('exit', r));
    expect(code).toBe(0);
    expect(output).toContain('[up] stopped');
    expect(children.filter(alive)).toEqual([]);
  });

  it('does not restart an app whose configuration is wrong (exit 78), and says so', async () => {
    start('api', 'bad');
    await eventually(async () => output.includes('[up] fatal bad'), 10_000, 'the fatal exit');
    expect(output).toContain(
      '[up] bad exited (code 78): its configuration is wrong, not restarting',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(pidsOf('bad')).toHaveLength(1);
  });
});
