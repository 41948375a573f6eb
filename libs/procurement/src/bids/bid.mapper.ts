import type { ServiceProjectEntity } from '../tenders/project.entity';
import type { BidRow } from './bids.repository';
import type { BidDto, BidListDto } from './dto/bid.dto';
import { precheck } from './qualification';

export function toBidDto(b: BidRow, project: ServiceProjectEntity): BidDto {
  return {
    id: b.id,
    projectId: b.projectId,
    providerId: b.providerId,
    providerName: b.providerName,
    status: b.status,
    priceFen: Number(b.priceFen),
    proposal: b.proposal,
    team: b.team,
    attachments: b.attachments,
    replacesId: b.replacesId,
    qualification: b.qualification,
    qualificationReasons: b.qualificationReasons,
    precheck: precheck(project.requirements, b.team, b.providerVerified),
    priceJustification: b.priceJustification,
    submittedAt: b.createdAt.toISOString(),
    version: b.version,
  };
}

export function toBidList(
  sealed: boolean,
  count: number,
  bids: BidRow[],
  project: ServiceProjectEntity,
): BidListDto {
  return { sealed, count, bids: bids.map((b) => toBidDto(b, project)) };
}
