import type { ServerResponse } from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@onedoor/platform';
import { NotificationsService } from '../inbox/notifications.service';
import { busChannel, type BusMessage, type NoticeView } from './notification-bus';

/** A comment line this often keeps proxies and the browser from timing an idle stream out. */
export const HEARTBEAT_MS = 20_000;

interface StreamClient {
  res: ServerResponse;
  /** Live notices that arrived while the replay ran, sent after it in id order. */
  pending: NoticeView[] | null;
  /** Ids already written: a notice both replayed and pushed live is sent once. */
  sent: Set<string>;
}

/**
 * This API instance's live streams. It subscribes once to the matcher's pub/sub channel and
 * writes each new notice to its owner's open streams. A client reconnecting with
 * Last-Event-ID first gets what it missed from PostgreSQL (ids are increasing), so a message
 * pub/sub dropped, or one published while the client was away, still arrives.
 */
@Injectable()
export class NotificationStreamHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationStreamHub.name);
  private readonly clients = new Map<string, Set<StreamClient>>();
  private subscriber?: Redis;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    const subscriber = new Redis(this.config.redis.url, { maxRetriesPerRequest: null });
    // Reconnects by itself (ioredis re-subscribes); meanwhile Last-Event-ID covers the gap.
    subscriber.on('error', (error) => this.logger.debug(`pub/sub: ${String(error)}`));
    subscriber.on('message', (_channel, message: string) => this.onMessage(message));
    subscriber.subscribe(busChannel(this.config)).catch((error: unknown) => {
      this.logger.warn(`live notifications unavailable: ${String(error)}`);
    });
    this.subscriber = subscriber;
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Streams end with the app (the HTTP drain ends them first, see platform's shutdown). */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const set of this.clients.values()) for (const c of set) c.res.end();
    this.clients.clear();
    this.subscriber?.disconnect();
  }

  /** Number of open streams (for tests and logs). */
  get size(): number {
    let n = 0;
    for (const set of this.clients.values()) n += set.size;
    return n;
  }

  /**
   * Takes over an SSE response whose headers are written: replays after `lastEventId` (if
   * any), then pushes live until the client goes.
   */
  async attach(userId: string, res: ServerResponse, lastEventId?: string): Promise<void> {
    const client: StreamClient = { res, pending: [], sent: new Set() };
    let set = this.clients.get(userId);
    if (!set) this.clients.set(userId, (set = new Set()));
    set.add(client);
    res.once('close', () => {
      set.delete(client);
      if (set.size === 0 && this.clients.get(userId) === set) this.clients.delete(userId);
    });
    res.write(`retry: 3000\n: connected\n\n`);
    try {
      if (lastEventId && /^\d{1,18}$/.test(lastEventId)) {
        for (const notice of await this.notifications.since(userId, lastEventId)) {
          this.write(client, notice);
        }
      }
    } catch (error) {
      this.logger.warn(`stream replay failed: ${String(error)}`);
      res.end();
      return;
    }
    const pending = (client.pending ?? []).sort((a, b) => Number(a.id) - Number(b.id));
    client.pending = null;
    for (const notice of pending) this.write(client, notice);
  }

  private onMessage(message: string): void {
    let parsed: BusMessage;
    try {
      parsed = JSON.parse(message) as BusMessage;
    } catch {
      return;
    }
    for (const { userId, ...notice } of parsed.notices ?? []) {
      for (const client of this.clients.get(userId) ?? []) {
        if (client.pending) client.pending.push(notice);
        else this.write(client, notice);
      }
    }
  }

  private write(client: StreamClient, notice: NoticeView): void {
    if (client.sent.has(notice.id) || client.res.writableEnded) return;
    client.sent.add(notice.id);
    // Bounded memory on a long-lived stream: duplicates only arise around the replay.
    if (client.sent.size > 5_000) client.sent = new Set([...client.sent].slice(-1_000));
    client.res.write(`id: ${notice.id}\ndata: ${JSON.stringify(notice)}\n\n`);
  }

  private beat(): void {
    for (const set of this.clients.values()) {
      for (const c of set) if (!c.res.writableEnded) c.res.write(`: heartbeat\n\n`);
    }
  }
}
