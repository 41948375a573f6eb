import { Injectable } from '@nestjs/common';
import { type Page, type PageQueryDto } from '../pagination/pagination.dto';
import type { AuditLogEntity } from './audit-log.entity';
import { type AuditEntryDto, toAuditEntryDto } from './dto/audit.dto';

/**
 * Keeps some audit rows sealed for a while: a lib that writes rows which must not be read yet
 * (procurement's bid rows while bidding is open) registers a sealer for their entity type.
 * Platform knows nothing of the rule; it asks the sealer at read time, so a row unseals the
 * moment the sealer's state says so (the audit log is append-only: nothing is rewritten).
 */
export interface AuditSealer {
  /** Of these entity ids (one page's worth), those whose rows are still sealed. */
  sealedIds(entityIds: string[]): Promise<Set<string>>;
  /** A sealed row as every reader sees it, admin included. */
  redact(entry: AuditEntryDto): AuditEntryDto;
}

/**
 * The one way audit rows leave the database (`GET /audit` and every `history`): each row of a
 * sealed entity is redacted by its sealer.
 */
@Injectable()
export class AuditSeals {
  private readonly sealers = new Map<string, AuditSealer>();

  register(entityType: string, sealer: AuditSealer): void {
    if (this.sealers.has(entityType)) {
      throw new Error(`An audit sealer for ${entityType} is already registered`);
    }
    this.sealers.set(entityType, sealer);
  }

  async toDtos(rows: AuditLogEntity[]): Promise<AuditEntryDto[]> {
    const entries = rows.map(toAuditEntryDto);
    const sealedByType = new Map<string, Set<string>>();
    for (const [type, sealer] of this.sealers) {
      const ids = [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
      if (ids.length) sealedByType.set(type, await sealer.sealedIds(ids));
    }
    return entries.map((e) =>
      sealedByType.get(e.entityType)?.has(e.entityId)
        ? this.sealers.get(e.entityType)!.redact(e)
        : e,
    );
  }

  async toPage(
    rows: [AuditLogEntity[], number],
    query: PageQueryDto,
  ): Promise<Page<AuditEntryDto>> {
    return {
      items: await this.toDtos(rows[0]),
      total: rows[1],
      page: query.page,
      limit: query.limit,
    };
  }
}
