import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { PiiCipher } from '../crypto/pii-cipher';
import { QUEUES } from './queue.registry';

/**
 * E-mail that a lib below notifications must send (the accounts lib's set-password tokens):
 * queued for the matcher's `mail` worker, which reads the address from the account. Nothing is
 * queued when SMTP_URL is unset. The secret travels encrypted, so Redis never holds it in clear.
 */
@Injectable()
export class MailQueueProducer {
  private readonly logger = new Logger(MailQueueProducer.name);

  constructor(
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pii: PiiCipher,
  ) {}

  /**
   * The set-password token to the account's own address. A failure to queue is logged, not
   * thrown: the issuer has the token in the response and can hand it over another way.
   */
  async sendSetPasswordToken(userId: string, token: string, expiresAt: Date): Promise<void> {
    if (!this.config.mail.smtpUrl) return;
    // Called inside the issuer's transaction: a Redis outage must not hold it open.
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        (async () => {
          await this.queue.add('send-mail', {
            userId,
            subject: 'OneDoor 设置密码',
            text:
              '您好，\n\n请使用以下一次性令牌设置您的 OneDoor 密码（POST /api/auth/set-password）：\n\n' +
              `{secret}\n\n令牌有效期至 ${expiresAt.toISOString()}，仅可使用一次。如非本人操作，请忽略本邮件。`,
            secretEnc: this.pii.encrypt(token),
          });
        })(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer within 2 s')), 2_000);
        }),
      ]);
    } catch (err) {
      this.logger.warn(`set-password e-mail for ${userId} not queued: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
