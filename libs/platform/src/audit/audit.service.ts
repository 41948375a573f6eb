import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AuditLogRepository } from './audit-log.repository';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  actor: Pick<Principal, 'userId' | 'role'> | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  areaPath?: string | null;
}

/**
 * Writes audit rows with the caller's transaction manager: the change and its record
 * commit together or not at all.
 */
@Injectable()
export class AuditService {
  constructor(private readonly auditLog: AuditLogRepository) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.auditLog.insertMany(manager, [entry]);
  }

  /** Several rows in one insert (sweeps, batches), under the same rule. */
  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    await this.auditLog.insertMany(manager, entries);
  }
}
