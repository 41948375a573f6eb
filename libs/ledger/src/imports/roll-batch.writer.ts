import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService, PiiCipher, type Principal } from '@onedoor/platform';
import { HouseholdsRepository, type ListedMember } from '@onedoor/households';
import {
  AssistanceEntriesRepository,
  type NewAssistanceEntry,
} from '../entries/assistance-entries.repository';
import { StackingRepository } from '../stacking/stacking.repository';
import type { AssistanceImportEntity } from './assistance-import.entity';
import type { RollRow } from './roll-row';

/** A read row with its line in the file. */
export interface LinedRollRow {
  line: number;
  row: RollRow;
}

/** What became of a row: written, matched to no one in scope, refused, or already in the ledger. */
export type RowOutcome =
  | { line: number; outcome: 'imported' | 'duplicate' | 'unmatched' }
  | { line: number; outcome: 'refused'; reason: string; reasonEn: string };

export const REASON_UNMATCHED = '未找到该身份证号对应的登记家庭';
export const REASON_NAME_MISMATCH = '姓名与该身份证号登记的姓名不一致';

/** Whitespace (a full-width space too) is not part of a name. */
const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Writes one batch of a roll to the ledger in one transaction: identity numbers matched through
 * the keyed digest to members of households within the import's scope (a person outside it is
 * "not found", exactly as one never registered), rows already imported skipped, the rest
 * written as `import` entries with one audit row per household (its case timeline shows it).
 */
@Injectable()
export class RollBatchWriter {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly entries: AssistanceEntriesRepository,
    private readonly audit: AuditService,
    private readonly stacking: StackingRepository,
    private readonly households: HouseholdsRepository,
  ) {}

  async write(job: AssistanceImportEntity, rows: LinedRollRow[]): Promise<RowOutcome[]> {
    if (rows.length === 0) return [];
    const actor = job.actor as Principal;
    return this.ds.transaction(async (manager) => {
      // Imports commit one at a time: two runs of the same roll cannot both miss the other's rows.
      // Its own lock (StackingRepository's is per household), taken before the households'.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['assistance_import.rows']);
      const digests = rows.map((r) => this.pii.digest(r.row.idNumber));
      const members = await this.members(manager, [...new Set(digests)], job.scopePath);
      // Then the households' locks (LOCK_ORDER in libs/matching), sorted so two batches sharing
      // households cannot take them crosswise, before the insert: an approval holding one
      // re-checks the stacking rules and must not miss rows committed while it decides. The
      // import-wide lock above is always taken first; approvals never take it, so no cycle.
      const householdIds = [...new Set([...members.values()].map((m) => m.householdId))].sort();
      for (const householdId of householdIds)
        await this.stacking.lockHousehold(manager, householdId);
      const existing = await this.importedKeys(manager, [
        ...new Set([...members.values()].map((m) => m.memberId)),
      ]);
      const outcomes: RowOutcome[] = [];
      const entries: NewAssistanceEntry[] = [];
      rows.forEach(({ line, row }, i) => {
        const member = members.get(digests[i]);
        if (!member) return outcomes.push({ line, outcome: 'unmatched' });
        if (row.name && !sameName(row.name, member.name)) {
          return outcomes.push({
            line,
            outcome: 'refused',
            reason: REASON_NAME_MISMATCH,
            reasonEn: 'name: does not match the registered member',
          });
        }
        const key = entryKey(member.memberId, row);
        if (existing.has(key)) return outcomes.push({ line, outcome: 'duplicate' });
        existing.add(key);
        outcomes.push({ line, outcome: 'imported' });
        entries.push({
          householdId: member.householdId,
          memberId: member.memberId,
          source: 'import',
          importId: job.id,
          providerId: job.providerId,
          grantedBy: row.grantedBy,
          categoryCode: row.categoryCode,
          title: row.title,
          form: row.form,
          frequency: row.frequency,
          amountFen: row.amountFen,
          startsOn: row.startsOn,
          endsOn: row.endsOn,
          areaPath: member.areaPath,
          tier: member.tier,
          residency: member.residency,
          note: row.note,
          recordedById: actor.userId,
        });
      });
      await this.entries.insertMany(manager, entries);
      await this.audit.recordMany(manager, householdAudits(job, actor, entries));
      return outcomes;
    });
  }

  /**
   * The member each digest names within the scope, in a household that has not exited (the
   * households lib's one rule); a person in several, the first the lib orders.
   */
  private async members(
    manager: EntityManager,
    digests: string[],
    scopePath: string | null,
  ): Promise<Map<string, ListedMember>> {
    const hits = await this.households.membersListing(digests, manager);
    const byDigest = new Map<string, ListedMember>();
    for (const hit of hits)
      if ((scopePath === null || hit.areaPath.startsWith(scopePath)) && !byDigest.has(hit.idHmac))
        byDigest.set(hit.idHmac, hit);
    return byDigest;
  }

  /** The keys of the active imported entries of these members (whatever import wrote them). */
  private async importedKeys(manager: EntityManager, memberIds: string[]): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows: Array<Parameters<typeof entryKey>[1] & { memberId: string }> = await manager.query(
      `SELECT member_id AS "memberId", granted_by AS "grantedBy", category_code AS "categoryCode",
              title, starts_on::text AS "startsOn", frequency::text AS frequency,
              amount_fen::int8 AS "amountFen"
         FROM assistance_entry
        WHERE source = 'import' AND status = 'active' AND member_id = ANY($1::uuid[])`,
      [memberIds],
    );
    return new Set(
      rows.map((r) =>
        entryKey(r.memberId, {
          ...r,
          amountFen: r.amountFen === null ? null : Number(r.amountFen),
        }),
      ),
    );
  }
}

/**
 * What makes two imported rows the same benefit: the person, who granted it, what, from when,
 * how often and how much. Re-sending a roll (or a roll that overlaps the last month's) adds
 * only the rows not yet in the ledger.
 */
function entryKey(
  memberId: string,
  r: Pick<RollRow, 'grantedBy' | 'categoryCode' | 'title' | 'startsOn' | 'frequency' | 'amountFen'>,
): string {
  return JSON.stringify([
    memberId,
    r.grantedBy,
    r.categoryCode,
    r.title,
    r.startsOn,
    r.frequency,
    r.amountFen,
  ]);
}

/** One audit row per household of the batch (not per row), on its case timeline. */
function householdAudits(
  job: AssistanceImportEntity,
  actor: Principal,
  entries: NewAssistanceEntry[],
) {
  const byHousehold = new Map<string, { areaPath: string; entries: number }>();
  for (const e of entries) {
    const seen = byHousehold.get(e.householdId) ?? { areaPath: e.areaPath, entries: 0 };
    seen.entries += 1;
    byHousehold.set(e.householdId, seen);
  }
  return [...byHousehold].map(([householdId, { areaPath, entries: count }]) => ({
    entityType: 'assistance_import',
    entityId: job.id,
    action: 'import_rows',
    actor: { userId: actor.userId, role: actor.role },
    data: { householdId, importId: job.id, grantedBy: job.grantedBy, entries: count },
    areaPath,
  }));
}
