import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@onedoor/platform';
import { BUS_CHUNK, busChannel, type BusMessage } from './notification-bus';

/**
 * Publishes new inbox rows for the API instances' live streams. Best effort by design: a
 * message lost here (Redis down) is found again by the client's reconnect with Last-Event-ID,
 * which replays from PostgreSQL, so a failed publish never fails the dispatch.
 */
@Injectable()
export class NotificationPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationPublisher.name);
  private client?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async publish(notices: BusMessage['notices']): Promise<void> {
    if (notices.length === 0) return;
    try {
      this.client ??= this.connect();
      if (this.client.status === 'wait') await this.client.connect();
      for (let i = 0; i < notices.length; i += BUS_CHUNK) {
        const message: BusMessage = { notices: notices.slice(i, i + BUS_CHUNK) };
        await this.client.publish(busChannel(this.config), JSON.stringify(message));
      }
    } catch (error) {
      this.logger.warn(`live push of ${notices.length} notices failed: ${String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
  }

  private connect(): Redis {
    // No offline queue: while Redis is away a publish fails at once instead of holding the
    // dispatch; the stream's replay covers what was not pushed.
    const client = new Redis(this.config.redis.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
    });
    client.on('error', () => undefined);
    return client;
  }
}
