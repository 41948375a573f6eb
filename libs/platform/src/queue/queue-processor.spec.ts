import { assertHandlersCover, MissingJobHandlerError } from './queue-processor';
import { JOB_NAMES } from './queue.registry';

describe(assertHandlersCover.name, () => {
  it('accepts handlers for exactly the declared jobs', () => {
    expect(() => assertHandlersCover('maintenance', [...JOB_NAMES.maintenance])).not.toThrow();
  });

  it('refuses to start when a declared job has no handler', () => {
    expect(() => assertHandlersCover('maintenance', ['heartbeat'])).toThrow(
      new MissingJobHandlerError(
        'Queue "maintenance": no handler for prune-login-failures, prune-idempotency-keys, expire-resources, complete-exits, enqueue-pending-matches, reconcile-matching, sla-sweep, staff-deadlines-sweep, household-reminders, close-bidding, close-due-bidding, requeue-webhook-deliveries, requeue-household-imports, sync-case-plans, schedule-case-visits, requeue-assistance-imports, follow-up-sweep, grant-decisions-sweep, lead-triage-sweep',
      ),
    );
  });

  it('refuses handlers for jobs the registry does not declare', () => {
    expect(() => assertHandlersCover('maintenance', [...JOB_NAMES.maintenance, 'typo'])).toThrow(
      /undeclared jobs typo/,
    );
  });
});
