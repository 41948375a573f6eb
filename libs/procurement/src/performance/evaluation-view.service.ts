import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Principal } from '@onedoor/platform';
import { ReferralEvidenceRepository } from '@onedoor/matching';
import type { ContractEntity } from '../contracts/contract.entities';
import { iso } from '../iso.util';
import type { AssignedEvaluationDto, EvaluationDto } from './dto/performance.dto';
import type { PerformanceEvaluationEntity } from './performance.entities';
import { PerformanceRepository } from './performance.repository';
import { evaluationScore } from './performance';

/** A performance evaluation as its reader may see it (in a contract's detail, or alone). */
@Injectable()
export class EvaluationViewService {
  constructor(
    private readonly repo: PerformanceRepository,
    private readonly evidence: ReferralEvidenceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The caller's evaluation tasks (their own assignments only, so no scope check). */
  async assignedTo(principal: Principal): Promise<AssignedEvaluationDto[]> {
    const rows = await this.repo.assignedTo(principal.userId);
    return rows.map((r) => ({
      id: r.id,
      contractId: r.contract_id,
      contractTitle: r.contract_title,
      providerName: r.provider_name,
      kind: r.kind,
      status: r.status,
      type: r.type,
      submitted: r.submitted,
      openedAt: r.opened_at.toISOString(),
    }));
  }

  /**
   * An evaluation as the reader may see it: individual scores once completed (an evaluator
   * always sees their own), the evidence live while open and frozen at completion.
   */
  async toDto(
    e: PerformanceEvaluationEntity,
    contract: ContractEntity,
    principal: Principal,
  ): Promise<EvaluationDto> {
    const assignments = await this.repo.assignments(e.id);
    const evidence = e.evidence ?? (await this.evidence.ofResource(contract.resourceId));
    const done = e.status === 'completed';
    const scored = assignments.filter((a) => a.scores);
    const summary =
      done && scored.length
        ? evaluationScore(
            e.weights,
            scored.map((a) => a.scores!),
          )
        : null;
    const commentDue = e.completedAt
      ? new Date(e.completedAt.getTime() + this.config.procurement.commentDays * 86_400_000)
      : null;
    return {
      id: e.id,
      contractId: e.contractId,
      kind: e.kind,
      status: e.status,
      weights: e.weights,
      evaluators: assignments.map((a) => {
        const visible = done || a.userId === principal.userId;
        return {
          userId: a.userId,
          type: a.type,
          submitted: a.submittedAt !== null,
          scores: visible ? a.scores : null,
          total: visible && a.scores ? evaluationScore(e.weights, [a.scores]).finalScore : null,
          comment: visible ? a.comment : null,
        };
      }),
      dimensionMeans: summary?.dimensionMeans ?? null,
      finalScore: e.finalScore === null ? null : Number(e.finalScore),
      grade: e.grade,
      evidence,
      openedAt: e.openedAt.toISOString(),
      completedAt: iso(e.completedAt),
      commentDueAt: iso(commentDue),
      providerComment: e.providerComment,
      providerCommentedAt: iso(e.providerCommentedAt),
    };
  }
}
