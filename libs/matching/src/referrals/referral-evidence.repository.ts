import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Evidence figures over `referral` rows (a resource's, or grouped): accepted and delivered
 * within their deadlines, closed with the need resolved, mean satisfaction. Shared by the
 * contract evaluation evidence and the contracts report, so both count the same way.
 */
export const REFERRAL_EVIDENCE_SQL = `count(*)::int AS referrals,
  count(*) FILTER (WHERE accepted_at IS NOT NULL AND accepted_at <= accept_due_at)::int AS accepted,
  count(*) FILTER (WHERE delivered_at IS NOT NULL AND delivered_at <= deliver_due_at)::int AS delivered,
  count(*) FILTER (WHERE status = 'closed' AND need_resolved)::int AS resolved,
  round(avg(satisfaction), 2)::float8 AS satisfaction,
  count(satisfaction)::int AS responses`;

/** What a resource's referrals say about the service behind it. */
export interface ReferralEvidence {
  referrals: number;
  acceptedWithinDeadline: number;
  deliveredWithinDeadline: number;
  closedResolved: number;
  meanSatisfaction: number | null;
  satisfactionResponses: number;
}

/** Referral figures for other libs (procurement's performance evidence) to read. */
@Injectable()
export class ReferralEvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the caller's manager when the figures are frozen inside its transaction. */
  async ofResource(resourceId: string, manager?: EntityManager): Promise<ReferralEvidence> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${REFERRAL_EVIDENCE_SQL} FROM referral WHERE resource_id = $1`,
      [resourceId],
    );
    return {
      referrals: row.referrals,
      acceptedWithinDeadline: row.accepted,
      deliveredWithinDeadline: row.delivered,
      closedResolved: row.resolved,
      meanSatisfaction: row.satisfaction,
      satisfactionResponses: row.responses,
    };
  }
}
