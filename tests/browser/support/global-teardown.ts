import { STACK_ENV, stopStack, type StackState } from './stack';

/** Stops the stack the global setup started (if it did) and drops its database. */
export default async function globalTeardown(): Promise<void> {
  const saved = process.env[STACK_ENV];
  if (!saved) return;
  await stopStack(JSON.parse(saved) as StackState);
  delete process.env[STACK_ENV];
  delete process.env.ONEDOOR_BASE_URL;
}
