import { Controller, Get, Injectable } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PROPOSAL_DEADLINE_SQL } from '@onedoor/matching';
import { ApiProtected, Clock, CurrentUser, type Principal, ROLES, Roles } from '@onedoor/platform';

/** "Due soon" on a home page: a pending deadline within a day (as the due-soon notices). */
export const DUE_SOON_HOURS = 24;

/** The counts a role's home page shows; only the caller's role's fields are present. */
export class WorkSummaryDto {
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ example: DUE_SOON_HOURS, description: '"Due soon" means within this many hours' })
  dueSoonHours!: number;
  @ApiPropertyOptional({ description: 'Staff: proposals waiting for approval in scope' })
  proposalsToApprove?: number;
  @ApiPropertyOptional({
    description: 'Staff: of those, due within dueSoonHours (by their approval deadline)',
  })
  proposalsDueSoon?: number;
  @ApiPropertyOptional({ description: 'Staff: of those, past their deadline' })
  proposalsOverdue?: number;
  @ApiPropertyOptional({
    description: 'Staff: referrals in scope past a deadline (open or accepted)',
  })
  referralsOverdue?: number;
  @ApiPropertyOptional({
    description: 'Staff: resources submitted for review covering their scope',
  })
  resourcesToReview?: number;
  @ApiPropertyOptional({
    description: 'Staff: organization applications pending, home area in scope',
  })
  applicationsToReview?: number;
  @ApiPropertyOptional({ description: 'Provider: open referrals to accept' })
  referralsToAccept?: number;
  @ApiPropertyOptional({ description: 'Provider: accepted referrals to deliver' })
  referralsToDeliver?: number;
  @ApiPropertyOptional({ description: 'Provider: of those, due within dueSoonHours' })
  referralsDueSoon?: number;
  @ApiPropertyOptional({ description: 'Provider: of those, past the deadline' })
  referralsPastDeadline?: number;
  @ApiPropertyOptional({ description: 'Assessor: households in scope due for a revisit' })
  revisitsDue?: number;
  @ApiPropertyOptional({ description: "Assessor: the assessor's own open drafts" })
  draftAssessments?: number;
  @ApiPropertyOptional({ description: 'Evaluator: evaluations assigned and not yet submitted' })
  evaluationsAssigned?: number;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * One read per role, each count a filtered aggregate over indexed columns in the caller's
 * scope (the scope's path prefix; admin: everything).
 */
@Injectable()
export class WorkSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async summary(p: Principal): Promise<WorkSummaryDto> {
    const now = this.clock.now();
    const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3600_000);
    const base = { role: p.role, dueSoonHours: DUE_SOON_HOURS };
    // Admin sees every area; others their scope (no area: nothing).
    const scope = p.role === 'admin' ? '%' : p.areaPath ? `${p.areaPath}%` : null;
    if (p.role === 'provider') {
      const [r] = await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'open') AS "toAccept",
                count(*) FILTER (WHERE status = 'accepted') AS "toDeliver",
                count(*) FILTER (WHERE due >= $2 AND due < $3) AS "dueSoon",
                count(*) FILTER (WHERE due < $2) AS "past"
           FROM (SELECT status, CASE status WHEN 'open' THEN accept_due_at WHEN 'accepted' THEN deliver_due_at END AS due
                   FROM referral WHERE provider_id = $1 AND status IN ('open', 'accepted')) t`,
        [p.providerId, now, soon],
      );
      return {
        ...base,
        referralsToAccept: n(r.toAccept),
        referralsToDeliver: n(r.toDeliver),
        referralsDueSoon: n(r.dueSoon),
        referralsPastDeadline: n(r.past),
      };
    }
    if (p.role === 'evaluator') {
      const [r] = await this.dataSource.query(
        `SELECT count(*) AS c FROM evaluation_assignment ea JOIN performance_evaluation e ON e.id = ea.evaluation_id
          WHERE ea.user_id = $1 AND ea.submitted_at IS NULL AND e.status = 'open'`,
        [p.userId],
      );
      return { ...base, evaluationsAssigned: n(r.c) };
    }
    if (scope === null) return base;
    if (p.role === 'assessor') {
      const [r] = await this.dataSource.query(
        `SELECT (SELECT count(*) FROM household h JOIN area c ON c.id = h.community_id
                  WHERE c.path LIKE $1 AND h.status <> 'exited' AND h.next_revisit_at <= $2) AS revisits,
                (SELECT count(*) FROM assessment a WHERE a.assessor_id = $3 AND a.status = 'draft') AS drafts`,
        [scope, now, p.userId],
      );
      return { ...base, revisitsDue: n(r.revisits), draftAssessments: n(r.drafts) };
    }
    // Civil-affairs staff and admin: the proposals waiting, and of those due soon and overdue by
    // their approval deadline, counted in one pass.
    const deadline = PROPOSAL_DEADLINE_SQL;
    const [r] = await this.dataSource.query(
      `SELECT p.proposals, p."dueSoon", p.overdue,
              (SELECT count(*) FROM referral rf
                WHERE rf.area_path LIKE $1 AND rf.overdue_at IS NOT NULL AND rf.status IN ('open', 'accepted')) AS "referralsOverdue",
              (SELECT count(*) FROM resource r JOIN area a ON a.id = r.coverage_area_id
                WHERE r.status = 'pending_review' AND a.path LIKE $1) AS resources,
              (SELECT count(*) FROM provider_application pa JOIN area a ON a.id = pa.home_area_id
                WHERE pa.status = 'pending' AND a.path LIKE $1) AS applications
         FROM (SELECT count(*) AS proposals,
                      count(*) FILTER (WHERE ${deadline} >= $2 AND ${deadline} < $3) AS "dueSoon",
                      count(*) FILTER (WHERE ${deadline} < $2) AS overdue
                 FROM match_proposal m JOIN household h ON h.id = m.household_id
                 JOIN area c ON c.id = h.community_id
                WHERE m.status = 'proposed' AND c.path LIKE $1) p`,
      [scope, now, soon],
    );
    return {
      ...base,
      proposalsToApprove: n(r.proposals),
      proposalsDueSoon: n(r.dueSoon),
      proposalsOverdue: n(r.overdue),
      referralsOverdue: n(r.referralsOverdue),
      resourcesToReview: n(r.resources),
      applicationsToReview: n(r.applications),
    };
  }
}

@ApiTags('work')
@ApiProtected()
@Controller('work')
export class WorkSummaryController {
  constructor(private readonly work: WorkSummaryService) {}

  @Get('summary')
  // Not the reporter (leads only): its home is its own leads, and these are staff counts.
  @Roles('civil_affairs', 'assessor', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      "The counts the caller's home page needs, per role: staff (proposals to approve, due soon, overdue; overdue referrals; resources and applications to review), providers (referrals to accept and deliver, due soon, past deadline), assessors (revisits due, own drafts), evaluators (evaluations assigned)",
  })
  @ApiOkResponse({ type: WorkSummaryDto })
  summary(@CurrentUser() principal: Principal): Promise<WorkSummaryDto> {
    return this.work.summary(principal);
  }
}
