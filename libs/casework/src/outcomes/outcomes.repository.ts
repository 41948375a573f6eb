import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tier } from '@onedoor/resources';

/** A `case_outcome` row as node-postgres reads it (numeric columns as text). */
export interface CaseOutcomeRow {
  assessment_id: string;
  household_id: string;
  previous_assessment_id: string;
  previous_completed_at: Date;
  completed_at: Date;
  total_before: string | null;
  total_after: string | null;
  total_change: string | null;
  dimension_scores_before: Record<string, number> | null;
  dimension_scores_after: Record<string, number> | null;
  tier_before: Tier | null;
  tier_after: Tier | null;
  circle_before: number | null;
  circle_after: number | null;
  score_improved: boolean | null;
  tier_improved: boolean;
  needs_fulfilled: number;
  needs_helped: number;
  median_days_to_help: string | null;
  mean_days_to_help: string | null;
}

/**
 * Reads the `case_outcome` view (migration CaseOutcomes1765840000000): outcomes are computed
 * from assessments, needs and referrals, never stored, so nothing here writes.
 */
@Injectable()
export class OutcomesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofHousehold(householdId: string): Promise<CaseOutcomeRow[]> {
    return this.dataSource.query(
      `SELECT * FROM case_outcome WHERE household_id = $1 ORDER BY completed_at DESC, assessment_id`,
      [householdId],
    );
  }
}
