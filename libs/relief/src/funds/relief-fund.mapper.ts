import { isInScope, type Principal } from '@onedoor/platform';
import type { FundRow, MovementRow } from './relief-funds.repository';
import type { FundMovementDto, ReliefFundDto } from './dto/relief-fund.dto';

export function toReliefFundDto(row: FundRow, viewer: Principal): ReliefFundDto {
  const balance = Number(row.balanceFen);
  const threshold = Number(row.thresholdFen);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    areaId: row.areaId,
    areaName: row.areaName,
    managingOffice: row.managingOffice,
    budgetFen: Number(row.budgetFen),
    balanceFen: balance,
    thresholdFen: threshold,
    belowThreshold: balance < threshold,
    lowSince: row.lowSince ? new Date(row.lowSince).toISOString() : null,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    restrictedCategoryCode: row.restrictedCategoryCode,
    status: row.status,
    canManage: viewer.role !== 'assessor' && isInScope(viewer, row.areaPath),
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function toFundMovementDto(row: MovementRow): FundMovementDto {
  return {
    id: row.id,
    kind: row.kind,
    amountFen: Number(row.amountFen),
    grantId: row.grantId,
    donationId: row.donationId,
    note: row.note,
    occurredAt: new Date(row.occurredAt).toISOString(),
    recordedByName: row.recordedByName,
  };
}
