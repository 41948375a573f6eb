// Shared by the contention benchmarks (capacity, grants): not a benchmark itself (scripts/bench.mjs
// runs only *.bench.mjs).

/** Seconds on the monotonic clock. */
const now = () => Number(process.hrtime.bigint()) / 1e9;

/**
 * Runs `work(item)` over items with `concurrency` in flight; `work` answers 'ok', 'refused' or
 * 'failed'. Returns the counts and the seconds taken.
 */
export async function contend(items, concurrency, work) {
  let next = 0;
  const outcomes = { ok: 0, refused: 0, failed: 0 };
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        outcomes[await work(item)] += 1;
      }
    }),
  );
  return { ...outcomes, seconds: now() - started };
}
