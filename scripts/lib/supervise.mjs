// Keeps child processes running for `npm run up`: one that exits on its own is started again
// after a pause that doubles from `initialDelayMs` up to `maxDelayMs`, and goes back to
// `initialDelayMs` once a run has lasted `resetAfterMs` (a crash loop slows down, a crash now
// and then restarts at once). The others keep running meanwhile. stop() ends them all.
import { spawn } from 'node:child_process';

export const DEFAULT_BACKOFF = { initialDelayMs: 1_000, maxDelayMs: 30_000, resetAfterMs: 60_000 };

/** EX_CONFIG: the environment is wrong; starting again cannot help. */
const EXIT_CONFIG = 78;

/** The pause before the next start, given the last one and how long the run lasted. */
export function nextDelay(previousMs, uptimeMs, backoff = DEFAULT_BACKOFF) {
  if (previousMs === undefined || uptimeMs >= backoff.resetAfterMs) return backoff.initialDelayMs;
  return Math.min(previousMs * 2, backoff.maxDelayMs);
}

/**
 * Starts each `{ name, command, args, options }` and keeps it running.
 * - `log(message)`: one line per exit and restart.
 * - `onFatal(name, code)`: a child exited with 78 (bad configuration): it is not restarted.
 * - `stopTimeoutMs`: how long stop() waits after SIGTERM before SIGKILL.
 * Returns `{ stop() }`.
 */
export function superviseAll(
  specs,
  { log, onFatal = () => undefined, backoff = DEFAULT_BACKOFF, stopTimeoutMs = 30_000 },
) {
  let stopping = false;
  const slots = specs.map((spec) => ({ spec, child: null, delay: undefined, timer: null }));

  const start = (slot) => {
    slot.timer = null;
    if (stopping) return;
    const { name, command, args = [], options = {} } = slot.spec;
    const startedAt = Date.now();
    const child = spawn(command, args, options);
    slot.child = child;
    child.on('error', (error) => log(`${name}: could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (code === EXIT_CONFIG) {
        log(`${name} exited (${how}): its configuration is wrong, not restarting`);
        onFatal(name, code);
        return;
      }
      slot.delay = nextDelay(slot.delay, Date.now() - startedAt, backoff);
      log(`${name} exited (${how}); restarting in ${slot.delay / 1000} s`);
      slot.timer = setTimeout(() => start(slot), slot.delay);
    });
  };

  const stopOne = (slot) =>
    new Promise((resolve) => {
      if (slot.timer) clearTimeout(slot.timer);
      const child = slot.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });

  for (const slot of slots) start(slot);
  return {
    /** SIGTERM to every child still running (SIGKILL after stopTimeoutMs); no more restarts. */
    stop: async () => {
      stopping = true;
      await Promise.all(slots.map(stopOne));
    },
  };
}
