import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEventInput } from './event-types';

/**
 * Writes events with the caller's transaction manager, beside the audit row: the change, its
 * record and its notice commit together or not at all. Delivery is the matcher's (it sweeps
 * undispatched rows), so a lost queue job never loses an event.
 */
@Injectable()
export class EventOutbox {
  async emit(manager: EntityManager, ...events: OutboxEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const values = events.flatMap((e) => [
      e.type,
      e.entityType,
      e.entityId,
      e.areaPath,
      e.providerId ?? null,
      JSON.stringify(e.audience),
      JSON.stringify(e.data),
      e.dedupKey ?? null,
    ]);
    const rows = events
      .map((_, i) => `(${Array.from({ length: 8 }, (_, j) => `$${i * 8 + j + 1}`).join(', ')})`)
      .join(', ');
    await manager.query(
      `INSERT INTO outbox_event
         (type, entity_type, entity_id, area_path, provider_id, audience, data, dedup_key)
       VALUES ${rows}
       ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING`,
      values,
    );
  }
}
