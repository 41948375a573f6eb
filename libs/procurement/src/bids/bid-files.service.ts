import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import {
  AuditService,
  DomainError,
  FilesService,
  NotFoundError,
  type Principal,
  TransactionRunner,
  type Upload,
} from '@onedoor/platform';
import { BidFilesRepository } from './bid-files.repository';
import { BidsService } from './bids.service';
import { type FileDto, toFileDto } from '../files/file.dto';

/**
 * Files of a bid, sealed with it: until bidding closes only the bidding organization lists or
 * downloads them, and for everyone else (admin included) they do not exist — 404, not the
 * bid's 403, so that not even their presence shows. After close, the bid's readers read them.
 */
@Injectable()
export class BidFilesService {
  constructor(
    private readonly bids: BidsService,
    private readonly links: BidFilesRepository,
    private readonly files: FilesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async upload(bidId: string, upload: Upload, actor: Principal): Promise<FileDto> {
    const providerId = actor.role === 'provider' ? actor.providerId : null;
    if (!providerId) throw new NotFoundError('Bid', 'BID_NOT_FOUND');
    // Refuse early, before the bytes are read, then again under the locks with the link.
    await this.tx.run((manager) => this.bids.lockOwnLive(manager, bidId, providerId));
    const received = await this.files.receive(upload);
    const file = await this.tx.run(async (manager) => {
      const { project } = await this.bids.lockOwnLive(manager, bidId, providerId);
      const file = await this.files.record(manager, received, actor.userId);
      await this.links.link(manager, bidId, file.id);
      await this.audit.record(manager, {
        entityType: 'bid',
        entityId: bidId,
        action: 'attach_file',
        actor,
        // The sealer keeps only projectId while sealed; the rest reads after close.
        data: { projectId: project.id, fileId: file.id, sha256: file.sha256, size: received.size },
        areaPath: null,
      });
      return file;
    });
    return toFileDto(file);
  }

  async list(bidId: string, principal: Principal): Promise<FileDto[]> {
    await this.readable(bidId, principal);
    return (await this.files.findMany(await this.links.fileIdsOf(bidId))).map(toFileDto);
  }

  async download(
    bidId: string,
    fileId: string,
    principal: Principal,
  ): Promise<{ file: FileDto; content: Readable }> {
    await this.readable(bidId, principal);
    if (!(await this.links.isLinked(bidId, fileId))) {
      throw new NotFoundError('File', 'BID_FILE_NOT_FOUND');
    }
    const { file, content } = await this.files.open(fileId);
    return { file: toFileDto(file), content };
  }

  private async readable(bidId: string, principal: Principal): Promise<void> {
    try {
      await this.bids.readable(bidId, principal);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BID_SEALED') {
        throw new NotFoundError('Bid', 'BID_NOT_FOUND');
      }
      throw error;
    }
  }
}
