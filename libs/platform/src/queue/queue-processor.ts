import { OnModuleInit } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JOB_NAMES, JobName, JobPayload, QueueName } from './queue.registry';

export type JobHandlers<Q extends QueueName> = {
  [J in JobName<Q>]: (data: JobPayload<Q, J>, job: Job<JobPayload<Q, J>>) => Promise<unknown>;
};

export class MissingJobHandlerError extends Error {}

/** Pure check behind the start-up refusal, exported for its unit test. */
export function assertHandlersCover(queue: QueueName, handled: string[]): void {
  const expected = JOB_NAMES[queue] as readonly string[];
  const missing = expected.filter((name) => !handled.includes(name));
  const unknown = handled.filter((name) => !expected.includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new MissingJobHandlerError(
      `Queue "${queue}": ` +
        [
          missing.length ? `no handler for ${missing.join(', ')}` : '',
          unknown.length ? `handlers for undeclared jobs ${unknown.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    );
  }
}

/**
 * One class per queue. A subclass lists one handler per job name, each a single call into a
 * service; the table replaces a `switch` so that start-up can check it covers every job
 * the registry declares and refuse to run otherwise.
 */
export abstract class QueueProcessor<Q extends QueueName>
  extends WorkerHost
  implements OnModuleInit
{
  protected abstract readonly queue: Q;
  protected abstract readonly handlers: JobHandlers<Q>;

  onModuleInit(): void {
    assertHandlersCover(this.queue, Object.keys(this.handlers));
  }

  async process(job: Job): Promise<unknown> {
    // The registry's types checked each handler against its payload; here the name is a string.
    const handlers = this.handlers as unknown as Record<
      string,
      (data: unknown, job: Job) => Promise<unknown>
    >;
    const handler = handlers[job.name];
    if (!handler) throw new MissingJobHandlerError(`No handler for ${this.queue}/${job.name}`);
    return handler(job.data, job);
  }
}
