import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  EVENT_TYPES,
  type EventType,
  type Page,
  pageOffset,
  type PageQueryDto,
} from '@onedoor/platform';
import type { NotificationPreferenceDto } from '../dto/notifications.dto';
import type { NoticeView } from '../stream/notification-bus';

const COLUMNS = `id::text AS id, type, title, body, entity_type, entity_id, read_at, created_at`;

/** Most notices a reconnecting stream replays: beyond that, the inbox list is the way back. */
export const REPLAY_LIMIT = 1_000;

/** A user's own inbox and preferences: every query is bound to the caller's id. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Unread first, then newest. */
  async list(userId: string, query: PageQueryDto): Promise<Page<NoticeView>> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM notification WHERE user_id = $1
          ORDER BY (read_at IS NOT NULL), id DESC LIMIT $2 OFFSET $3`,
        [userId, query.limit, pageOffset(query)],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [
        userId,
      ]),
    ]);
    return { items: rows.map(toView), total: count[0].n, page: query.page, limit: query.limit };
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return rows[0].n;
  }

  /** Marks one notice read (again: a no-op keeping the first time); someone else's is 404. */
  async markRead(userId: string, id: string): Promise<NoticeView> {
    if (!/^\d{1,18}$/.test(id)) throw notFound(id);
    // The driver answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
        WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId],
    );
    if (!rows?.[0]) throw notFound(id);
    return toView(rows[0]);
  }

  async markAllRead(userId: string): Promise<number> {
    const [, affected] = await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return affected;
  }

  /** The user's notices after `afterId`, oldest first: what a reconnecting stream missed. */
  async since(userId: string, afterId: string): Promise<NoticeView[]> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification WHERE user_id = $1 AND id > $2
        ORDER BY id LIMIT ${REPLAY_LIMIT}`,
      [userId, afterId],
    );
    return rows.map(toView);
  }

  /** Every event type with its channels; no stored row means all on. */
  async preferences(userId: string): Promise<NotificationPreferenceDto[]> {
    const rows: Array<{ event_type: EventType; inbox: boolean; email: boolean }> =
      await this.dataSource.query(
        `SELECT event_type, inbox, email FROM notification_preference WHERE user_id = $1`,
        [userId],
      );
    const stored = new Map(rows.map((r) => [r.event_type, r]));
    return EVENT_TYPES.map((eventType) => ({
      eventType,
      inbox: stored.get(eventType)?.inbox ?? true,
      email: stored.get(eventType)?.email ?? true,
    }));
  }

  /** Sets the given event types' channels (others unchanged); the last entry for a type wins. */
  async setPreferences(
    userId: string,
    entries: NotificationPreferenceDto[],
  ): Promise<NotificationPreferenceDto[]> {
    const last = new Map(entries.map((e) => [e.eventType, e]));
    if (last.size > 0) {
      const list = [...last.values()];
      await this.dataSource.query(
        `INSERT INTO notification_preference (user_id, event_type, inbox, email)
         SELECT $1, * FROM unnest($2::text[], $3::boolean[], $4::boolean[])
         ON CONFLICT (user_id, event_type)
         DO UPDATE SET inbox = EXCLUDED.inbox, email = EXCLUDED.email, updated_at = now()`,
        [userId, list.map((e) => e.eventType), list.map((e) => e.inbox), list.map((e) => e.email)],
      );
    }
    return this.preferences(userId);
  }
}

function notFound(id: string): DomainError {
  return new DomainError('NOTIFICATION_NOT_FOUND', `No notification ${id}`);
}

export function toView(r: Record<string, unknown>): NoticeView {
  const date = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: r.id as string,
    type: r.type as string,
    title: r.title as string,
    body: r.body as string,
    entityType: r.entity_type as string,
    entityId: r.entity_id as string,
    readAt: date(r.read_at),
    createdAt: date(r.created_at)!,
  };
}
