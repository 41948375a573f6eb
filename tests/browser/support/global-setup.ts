import { STACK_ENV, startStack, type StackState } from './stack';

/**
 * With ONEDOOR_BASE_URL set, the tests run against that stack and nothing is started. Otherwise
 * a stack of the run's own (support/stack.ts); its URL goes to the tests through
 * ONEDOOR_BASE_URL, which the workers' copy of the config reads.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.ONEDOOR_BASE_URL) return;
  const started = Date.now();
  const { baseURL, state } = await startStack();
  process.env.ONEDOOR_BASE_URL = baseURL;
  process.env[STACK_ENV] = JSON.stringify(state);
  // Should the runner die without its teardown (an uncaught error), the detached API and
  // matcher must not outlive it. Teardown removes STACK_ENV, which disarms this.
  process.once('exit', () => {
    const left = process.env[STACK_ENV];
    if (!left) return;
    for (const pid of (JSON.parse(left) as StackState).pids) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
  console.log(
    `[browser] stack on ${baseURL} (database ${state.database}) ready in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}
