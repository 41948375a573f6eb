import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import type { EntityManager, Repository } from 'typeorm';
import {
  AuditService,
  DomainError,
  FilesService,
  NotFoundError,
  type Principal,
  TransactionRunner,
  type Upload,
} from '@onedoor/platform';
import { type FileDto, toFileDto } from '../files/file.dto';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import { MilestoneFileEntity } from './milestone-file.entity';

/**
 * Evidence files of a milestone: attached by the staff who record outcomes (in scope, while
 * the contract is active), read by whoever reads the contract.
 */
@Injectable()
export class MilestoneFilesService {
  constructor(
    @InjectRepository(MilestoneFileEntity)
    private readonly links: Repository<MilestoneFileEntity>,
    private readonly repo: ContractsRepository,
    private readonly contracts: ContractsService,
    private readonly files: FilesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async upload(
    contractId: string,
    milestoneId: string,
    upload: Upload,
    actor: Principal,
  ): Promise<FileDto> {
    // Refuse early, before the bytes are read, then again under the lock with the link.
    await this.tx.run((manager) => this.lockActive(manager, contractId, milestoneId, actor));
    const received = await this.files.receive(upload);
    const file = await this.tx.run(async (manager) => {
      const contract = await this.lockActive(manager, contractId, milestoneId, actor);
      const file = await this.files.record(manager, received, actor.userId);
      await manager.getRepository(MilestoneFileEntity).insert({ milestoneId, fileId: file.id });
      await this.audit.record(manager, {
        entityType: 'contract',
        entityId: contractId,
        action: 'attach_evidence',
        actor,
        data: { milestoneId, fileId: file.id, sha256: file.sha256, size: received.size },
        areaPath: contract.areaPath,
      });
      return file;
    });
    return toFileDto(file);
  }

  async list(contractId: string, milestoneId: string, principal: Principal): Promise<FileDto[]> {
    await this.readable(contractId, milestoneId, principal);
    const rows = await this.links.find({ where: { milestoneId }, order: { createdAt: 'ASC' } });
    return (await this.files.findMany(rows.map((r) => r.fileId))).map(toFileDto);
  }

  async download(
    contractId: string,
    milestoneId: string,
    fileId: string,
    principal: Principal,
  ): Promise<{ file: FileDto; content: Readable }> {
    await this.readable(contractId, milestoneId, principal);
    if (!(await this.links.existsBy({ milestoneId, fileId }))) {
      throw new NotFoundError('File', 'MILESTONE_FILE_NOT_FOUND');
    }
    const { file, content } = await this.files.open(fileId);
    return { file: toFileDto(file), content };
  }

  private async lockActive(
    manager: EntityManager,
    contractId: string,
    milestoneId: string,
    actor: Principal,
  ) {
    const contract = await this.contracts.lockForStaff(manager, contractId, actor);
    await this.assertMilestoneOf(contractId, milestoneId, manager);
    if (contract.status !== 'active') {
      throw new DomainError('CONTRACT_INVALID_TRANSITION', `The contract is ${contract.status}`, {
        status: contract.status,
      });
    }
    return contract;
  }

  private async readable(contractId: string, milestoneId: string, principal: Principal) {
    await this.contracts.visible(contractId, principal);
    await this.assertMilestoneOf(contractId, milestoneId);
  }

  private async assertMilestoneOf(
    contractId: string,
    milestoneId: string,
    manager?: EntityManager,
  ) {
    const milestones = await this.repo.milestones(contractId, manager);
    if (!milestones.some((m) => m.id === milestoneId)) {
      throw new NotFoundError('Milestone', 'MILESTONE_NOT_FOUND');
    }
  }
}
