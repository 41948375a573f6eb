import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { jobIds, QUEUES } from './queue.registry';

/** Background imports for the matcher's `imports` worker, so services depend on the intent. */
@Injectable()
export class ImportsQueueProducer {
  constructor(@InjectQueue(QUEUES.imports) private readonly queue: Queue) {}

  /**
   * One attempt: a run that died half-way has already saved some households, so running it
   * again would refuse them as duplicates; the worker marks such an import failed instead.
   * The row stays `queued` until a worker claims it, so the sweep re-adds a job Redis lost.
   */
  async runHouseholdImport(importId: string): Promise<void> {
    await this.queue.add(
      'run-household-import',
      { importId },
      { jobId: jobIds.householdImport(importId), attempts: 1 },
    );
  }

  /**
   * For the sweep: a job that failed before claiming its row (the database was out) keeps its
   * id, and BullMQ ignores an add under an id it holds, so that job is removed first.
   */
  async requeueHouseholdImport(importId: string): Promise<void> {
    const job = await this.queue.getJob(jobIds.householdImport(importId));
    if (job && (await job.isFailed())) await job.remove();
    await this.runHouseholdImport(importId);
  }

  /** A roll for the assistance ledger: one attempt, for the same reason as a household import. */
  async runAssistanceImport(importId: string): Promise<void> {
    await this.queue.add(
      'run-assistance-import',
      { importId },
      { jobId: jobIds.assistanceImport(importId), attempts: 1 },
    );
  }

  /** For the sweep, as {@link requeueHouseholdImport}. */
  async requeueAssistanceImport(importId: string): Promise<void> {
    const job = await this.queue.getJob(jobIds.assistanceImport(importId));
    if (job && (await job.isFailed())) await job.remove();
    await this.runAssistanceImport(importId);
  }
}
