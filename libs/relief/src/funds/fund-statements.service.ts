import { Injectable } from '@nestjs/common';
import { beijingDays, fieldError, type Principal, ValidationFailedError } from '@onedoor/platform';
import { ReliefFundsRepository } from './relief-funds.repository';
import { ReliefFundsService } from './relief-funds.service';
import { toFundMovementDto } from './relief-fund.mapper';
import type { FundStatementDto } from './dto/relief-fund.dto';

const DAY_MS = 86_400_000;
/** A year and a leap day: a statement is at most one budget year long. */
const MAX_DAYS = 366;

/**
 * A fund's statement for a period of Beijing days, from its movements alone: the opening
 * balance is every movement before the first day's midnight, the period's movements are
 * summed by kind, and the closing balance is the opening plus them. A movement at exactly a
 * Beijing midnight belongs to the day it starts.
 */
@Injectable()
export class FundStatementsService {
  constructor(
    private readonly funds: ReliefFundsRepository,
    private readonly fundsService: ReliefFundsService,
  ) {}

  async statement(
    fundId: string,
    period: { from: string; to: string },
    actor: Principal,
  ): Promise<FundStatementDto> {
    const fund = await this.fundsService.visible(fundId, actor);
    const { start, end } = beijingDays(period.from, period.to);
    const days = (end.getTime() - start.getTime()) / DAY_MS;
    if (Number.isNaN(days) || days < 1 || days > MAX_DAYS)
      throw new ValidationFailedError('The statement period is not valid', [
        fieldError(
          'to',
          'statementPeriod',
          `to must be on or after from, at most ${MAX_DAYS} days`,
          {
            max: MAX_DAYS,
          },
        ),
      ]);
    const { openingFen, lines } = await this.funds.statement(fundId, start, end);
    const sums = { opening: 0n, allocation: 0n, donation: 0n, grant: 0n, adjustment: 0n };
    let balance = BigInt(openingFen);
    const out = lines.map((row) => {
      const amount = BigInt(row.amountFen);
      sums[row.kind] += amount;
      balance += amount;
      return { ...toFundMovementDto(row), balanceAfterFen: Number(balance) };
    });
    return {
      fundId: fund.id,
      fundName: fund.name,
      kind: fund.kind,
      areaName: fund.areaName,
      managingOffice: fund.managingOffice,
      from: period.from,
      to: period.to,
      openingBalanceFen: Number(openingFen),
      budgetFen: Number(sums.opening),
      allocationsFen: Number(sums.allocation),
      donationsFen: Number(sums.donation),
      grantsFen: Number(sums.grant),
      adjustmentsFen: Number(sums.adjustment),
      closingBalanceFen: Number(balance),
      lines: out,
    };
  }
}
