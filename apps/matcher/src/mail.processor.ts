import { Processor } from '@nestjs/bullmq';
import { type JobHandlers, QUEUES, QueueProcessor } from '@onedoor/platform';
import { MailService } from '@onedoor/notifications';

/** The mail queue: one e-mail per job over SMTP; BullMQ retries with the default backoff. */
@Processor(QUEUES.mail, { concurrency: 5 })
export class MailProcessor extends QueueProcessor<typeof QUEUES.mail> {
  protected readonly queue = QUEUES.mail;
  protected readonly handlers: JobHandlers<typeof QUEUES.mail> = {
    'send-mail': (data) => this.mail.send(data),
  };

  constructor(private readonly mail: MailService) {
    super();
  }
}
