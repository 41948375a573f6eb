// Shared by the contention benchmarks (capacity, grants): not a benchmark itself (scripts/bench.mjs
// runs only *.bench.mjs).
import { readdirSync, readFileSync } from 'node:fs';

/** Seconds on the monotonic clock. */
const now = () => Number(process.hrtime.bigint()) / 1e9;

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS = 100;

/**
 * CPU ticks (user + system) used so far by each PostgreSQL process on this machine, by pid, from
 * /proc (the server runs locally in development and in the benchmarks); null where /proc is not
 * there.
 */
function postgresTicks() {
  const byPid = new Map();
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone since the listing
      }
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      byPid.set(pid, Number(fields[11]) + Number(fields[12])); // utime, stime
    }
  } catch {
    return null;
  }
  return byPid;
}

/**
 * PostgreSQL's CPU seconds between two readings: what each process alive at the end used since
 * the first (all of it if it started since). A backend that ended in between takes its time with
 * it, so the runs keep their pools open until measured.
 */
function postgresCpuSince(before, after) {
  if (before === null || after === null) return null;
  let ticks = 0;
  for (const [pid, t] of after) {
    const used = t - (before.get(pid) ?? 0);
    ticks += used >= 0 ? used : t; // a pid used again by a new process
  }
  return ticks / TICKS;
}

/**
 * Runs `work(item)` over items with `concurrency` in flight; `work` answers 'ok', 'refused' or
 * 'failed'. Returns the counts, the seconds taken, and where the CPU went: this Node process's
 * CPU seconds and PostgreSQL's (null without /proc).
 */
export async function contend(items, concurrency, work) {
  let next = 0;
  const outcomes = { ok: 0, refused: 0, failed: 0 };
  const pg0 = postgresTicks();
  const cpu0 = process.cpuUsage();
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        outcomes[await work(item)] += 1;
      }
    }),
  );
  const seconds = now() - started;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = postgresTicks();
  return {
    ...outcomes,
    seconds,
    nodeCpu: (cpu.user + cpu.system) / 1e6,
    postgresCpu: postgresCpuSince(pg0, pg1),
  };
}

/** "node 1.23 ms + postgres 0.45 ms of CPU per approval" for a run of `contend`. */
export function cpuPer(r, count = r.ok + r.refused + r.failed) {
  const ms = (s) => `${((s * 1000) / count).toFixed(2)} ms`;
  return `node ${ms(r.nodeCpu)}${r.postgresCpu === null ? '' : ` + postgres ${ms(r.postgresCpu)}`} of CPU each`;
}
