import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type JobPayload,
  PiiCipher,
  UserEntity,
} from '@onedoor/platform';

/**
 * Sends one `send-mail` job over SMTP (nodemailer). Throws on an SMTP failure so BullMQ
 * retries with backoff; an account without an address, or inactive, is skipped.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(job: JobPayload<'mail', 'send-mail'>): Promise<'sent' | 'skipped'> {
    const smtpUrl = this.config.mail.smtpUrl;
    if (!smtpUrl) return 'skipped';
    const user = await this.dataSource.manager
      .getRepository(UserEntity)
      .findOneBy({ id: job.userId });
    // Not there yet: the job may run before the transaction that created the account
    // committed; throwing retries it. Gone for good shows as a failed job.
    if (!user) throw new Error(`user ${job.userId} not found`);
    if (!user.active || !user.emailEnc) return 'skipped';
    const to = this.pii.decrypt(user.emailEnc);
    const text = job.secretEnc
      ? job.text.replace('{secret}', this.pii.decrypt(job.secretEnc))
      : job.text;
    this.transport ??= createTransport(smtpUrl);
    await this.transport.sendMail({ from: this.config.mail.from, to, subject: job.subject, text });
    this.logger.log(`mail sent to user ${user.id}`);
    return 'sent';
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
