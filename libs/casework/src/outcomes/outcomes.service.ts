import { Injectable } from '@nestjs/common';
import { CasesRepository } from '@onedoor/households';
import { NotFoundError, type Principal } from '@onedoor/platform';
import type { CaseOutcomesDto } from './dto/case-outcome.dto';
import { toOutcomeDto } from './outcome.mapper';
import { OutcomesRepository } from './outcomes.repository';

/** The outcome at each of a case's household's reassessments, for those who may read the case. */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly outcomes: OutcomesRepository,
  ) {}

  async ofCase(caseId: string, principal: Principal): Promise<CaseOutcomesDto> {
    const c = await this.cases.findVisible(caseId, principal);
    if (!c) throw new NotFoundError('Case', 'CASE_NOT_FOUND');
    const rows = await this.outcomes.ofHousehold(c.householdId);
    return { caseId: c.id, householdId: c.householdId, outcomes: rows.map(toOutcomeDto) };
  }
}
