import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DictionariesService, type OutboxEventEntity } from '@onedoor/platform';
import { noticeLabels } from '../inbox/notice-values';
import { renderNotice } from '../inbox/templates';
import type { BusMessage } from '../stream/notification-bus';
import { NotificationPublisher } from '../stream/notification-publisher';
import type { Delivery, NotificationChannel, Recipient } from './notification-channel';

/**
 * The in-app inbox: one row per (event, recipient who keeps the inbox on), written in one
 * insert per batch; a row that exists already (a re-run) is skipped, and only rows really
 * written are pushed live, so a re-run pushes nothing twice.
 */
@Injectable()
export class InboxChannel implements NotificationChannel {
  readonly name = 'inbox' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: NotificationPublisher,
    @Optional() private readonly dictionaries?: DictionariesService,
  ) {}

  deliver(event: OutboxEventEntity, recipients: readonly Recipient[]): Promise<void> {
    return this.deliverBatch([{ event, recipients }]);
  }

  async deliverBatch(deliveries: readonly Delivery[]): Promise<void> {
    const cols = {
      user: [] as string[],
      event: [] as string[],
      type: [] as string[],
      title: [] as string[],
      body: [] as string[],
      entityType: [] as string[],
      entityId: [] as string[],
    };
    const labels = await noticeLabels(this.dictionaries);
    for (const { event, recipients } of deliveries) {
      const notice = renderNotice(event.type, event.data, 'zh', labels);
      for (const r of recipients) {
        if (!r.channels.has('inbox')) continue;
        cols.user.push(r.userId);
        cols.event.push(event.id);
        cols.type.push(event.type);
        cols.title.push(notice.title);
        cols.body.push(notice.body);
        cols.entityType.push(event.entityType);
        cols.entityId.push(event.entityId);
      }
    }
    if (cols.user.length === 0) return;
    const rows: Array<Record<string, string | Date | null>> = await this.dataSource.query(
      `INSERT INTO notification (user_id, event_id, type, title, body, entity_type, entity_id)
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[],
                            $6::text[], $7::uuid[])
       ORDER BY 2, 1
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id::text, user_id, type, title, body, entity_type, entity_id, read_at, created_at`,
      Object.values(cols),
    );
    const notices: BusMessage['notices'] = rows.map((r) => ({
      id: r.id as string,
      userId: r.user_id as string,
      type: r.type as string,
      title: r.title as string,
      body: r.body as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      readAt: null,
      createdAt: (r.created_at as Date).toISOString(),
    }));
    await this.publisher.publish(notices);
  }
}
