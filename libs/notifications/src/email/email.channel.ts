import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  APP_CONFIG,
  type AppConfig,
  DictionariesService,
  jobIds,
  type JobPayload,
  type OutboxEventEntity,
  QUEUES,
} from '@onedoor/platform';
import type { Delivery, NotificationChannel, Recipient } from '../channels/notification-channel';
import { noticeLabels } from '../inbox/notice-values';
import { eventLines, eventTitle } from '../webhooks/event-text';

/**
 * E-mail: one `send-mail` job per recipient who wants this event by e-mail. The address is
 * not in the job; the worker reads (and decrypts) it from the account when it sends, so a
 * changed address is used and Redis holds no personal data. Without SMTP_URL: nothing.
 */
@Injectable()
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly logger = new Logger(EmailChannel.name);
  private warned = false;

  constructor(
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly dictionaries?: DictionariesService,
  ) {}

  deliver(event: OutboxEventEntity, recipients: readonly Recipient[]): Promise<void> {
    return this.deliverBatch([{ event, recipients }]);
  }

  /** A whole batch in one queue call (not one per event). */
  async deliverBatch(deliveries: readonly Delivery[]): Promise<void> {
    if (!this.config.mail.smtpUrl) {
      if (!this.warned) this.logger.log('SMTP_URL is not set: e-mail notices are off');
      this.warned = true;
      return;
    }
    const labels = await noticeLabels(this.dictionaries);
    const jobs = deliveries.flatMap(({ event, recipients }) => {
      const wanting = recipients.filter((r) => r.channels.has('email'));
      if (wanting.length === 0) return [];
      const title = eventTitle(event.type);
      const text = [
        `${title}`,
        '',
        ...eventLines(event, labels),
        '',
        '—— OneDoor 一门式救助平台',
      ].join('\n');
      return wanting.map((r) => ({
        name: 'send-mail',
        data: {
          userId: r.userId,
          subject: `[OneDoor] ${title}`,
          text,
        } satisfies JobPayload<'mail', 'send-mail'>,
        opts: { jobId: jobIds.mailForEvent(event.id, r.userId) },
      }));
    });
    if (jobs.length > 0) await this.queue.addBulk(jobs);
  }
}
