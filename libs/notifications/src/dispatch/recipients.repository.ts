import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEventEntity } from '@onedoor/platform';
import type { ChannelName, Recipient } from '../channels/notification-channel';
import { selectorRows } from './audience';

/**
 * Resolves a batch of events' audiences to active users with their channel preferences, in
 * one query: each selector kind joins on its own index (user id; role and area path; provider),
 * the union is distinct per (event, user), and a missing preference row means every channel.
 * A contracted worker whose access ended (`access_until` passed by `asOf`, the Clock's now) is
 * no longer a recipient, as they are no longer a user.
 */
/** An account that can still act: active, and within its access period if it has one. */
const LIVE = `u.active AND (u.access_until IS NULL OR u.access_until > $7)`;

@Injectable()
export class RecipientsRepository {
  async resolve(
    manager: EntityManager,
    events: readonly OutboxEventEntity[],
    asOf: Date,
  ): Promise<Map<string, Recipient[]>> {
    const rows = events.flatMap((e) => selectorRows(e.id, e.audience));
    const byEvent = new Map<string, Recipient[]>(events.map((e) => [e.id, []]));
    if (rows.length === 0) return byEvent;
    const found: Array<{ event_id: string; user_id: string; inbox: boolean; email: boolean }> =
      await manager.query(
        `WITH sel AS (
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::uuid[])
             AS s(event_id, kind, user_id, role, path, provider_id)
         ), hit AS (
           SELECT sel.event_id, u.id AS user_id
             FROM sel JOIN app_user u ON u.id = sel.user_id
            WHERE sel.kind = 'user' AND ${LIVE}
           UNION
           SELECT sel.event_id, u.id
             FROM sel JOIN area a ON a.path = sel.path
             JOIN app_user u ON u.area_id = a.id AND u.role::text = sel.role
            WHERE sel.kind = 'area' AND ${LIVE}
           UNION
           SELECT sel.event_id, u.id
             FROM sel JOIN app_user u ON u.area_id IS NULL AND u.role = 'admin'
            WHERE sel.kind = 'area' AND sel.role = 'admin' AND sel.path IS NULL AND ${LIVE}
           UNION
           SELECT sel.event_id, u.id
             FROM sel JOIN app_user u ON u.provider_id = sel.provider_id
            WHERE sel.kind = 'provider' AND ${LIVE}
              -- An organization's notices go to its provider users, not to the assessors it
              -- affiliates (contracted workers share its provider_id).
              AND u.role::text = COALESCE(sel.role, 'provider')
         )
         SELECT hit.event_id::text AS event_id, hit.user_id,
                COALESCE(p.inbox, true) AS inbox, COALESCE(p.email, true) AS email
           FROM hit
           JOIN outbox_event e ON e.id = hit.event_id
           LEFT JOIN notification_preference p ON p.user_id = hit.user_id AND p.event_type = e.type
          ORDER BY hit.event_id, hit.user_id`,
        [
          rows.map((r) => r.eventId),
          rows.map((r) => r.kind),
          rows.map((r) => r.userId),
          rows.map((r) => r.role),
          rows.map((r) => r.path),
          rows.map((r) => r.providerId),
          asOf,
        ],
      );
    for (const row of found) {
      const channels = new Set<ChannelName>(['webhook']);
      if (row.inbox) channels.add('inbox');
      if (row.email) channels.add('email');
      byEvent.get(row.event_id)?.push({ userId: row.user_id, channels });
    }
    return byEvent;
  }
}
