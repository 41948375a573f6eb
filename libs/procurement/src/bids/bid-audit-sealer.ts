import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AuditEntryDto, type AuditSealer, AuditSeals, todayInChina } from '@onedoor/platform';
import { BidsRepository } from './bids.repository';

/**
 * A bid's audit rows while its project's bidding is open (or was cancelled while open): no
 * actor — the user names the organization through its other rows — and no link between a bid
 * and the one it replaced, for every reader, admin and the bidder included. Only the project
 * stays, as the bid count is public anyway; the time is cut to the China day, so that a row
 * cannot be matched to the same user's other rows to the second. Once bidding closes the rows
 * read in full (the same rule as the bids themselves, `isSealed`).
 */
@Injectable()
export class BidAuditSealer implements AuditSealer, OnModuleInit {
  constructor(
    private readonly seals: AuditSeals,
    private readonly bids: BidsRepository,
  ) {}

  onModuleInit(): void {
    this.seals.register('bid', this);
  }

  async sealedIds(entityIds: string[]): Promise<Set<string>> {
    const opened = await this.bids.openedBidIds(entityIds);
    return new Set(entityIds.filter((id) => !opened.has(id)));
  }

  redact(entry: AuditEntryDto): AuditEntryDto {
    const projectId = entry.data?.projectId;
    return {
      ...entry,
      actorId: null,
      at: new Date(`${todayInChina(new Date(entry.at))}T00:00:00+08:00`).toISOString(),
      reason: null,
      data: typeof projectId === 'string' ? { projectId } : null,
    };
  }
}
