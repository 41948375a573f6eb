import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import {
  AuditService,
  Clock,
  DomainError,
  FilesService,
  NotFoundError,
  type Principal,
  StaleVersionError,
  TransactionRunner,
  type Upload,
} from '@onedoor/platform';
import type { AgreePlanDto, PlanDto, PlanFileDto } from './dto/plan.dto';
import { toPlanFileDto } from './plan.mapper';
import { AGREEMENT_FILE_TYPES } from './plan.types';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

/**
 * The family's agreement to the current draft: a signed page (uploaded first, PDF or an image)
 * or the adviser's attestation. Agreeing freezes the version (its next edit writes a new one)
 * and supersedes the version agreed before it.
 */
@Injectable()
export class PlanAgreementService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly service: PlansService,
    private readonly files: FilesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Stores the signed page for a later agreement (the link is made when the plan is agreed). */
  async upload(caseId: string, upload: Upload, actor: Principal): Promise<PlanFileDto> {
    await this.tx.run((manager) => this.service.openCase(caseId, actor, manager));
    const received = await this.files.receive(upload);
    if (!(AGREEMENT_FILE_TYPES as readonly string[]).includes(received.contentType)) {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'A signed agreement is a PDF, PNG or JPEG file',
        { contentType: received.contentType },
      );
    }
    const file = await this.tx.run(async (manager) => {
      const row = await this.service.openCase(caseId, actor, manager);
      const file = await this.files.record(manager, received, actor.userId);
      await this.plans.bindFile(caseId, file.id, manager);
      await this.audit.record(manager, {
        entityType: 'case_plan',
        entityId: caseId,
        action: 'upload_file',
        actor,
        data: { householdId: row.householdId, caseId, fileId: file.id, sha256: file.sha256 },
        areaPath: row.communityPath,
      });
      return file;
    });
    return toPlanFileDto(file);
  }

  async agree(caseId: string, dto: AgreePlanDto, actor: Principal): Promise<PlanDto> {
    await this.tx.run(async (manager) => {
      const row = await this.service.openCase(caseId, actor, manager);
      await this.plans.lockLive(caseId, manager);
      const plan = await this.plans.current(caseId, manager, true);
      if (!plan) throw new NotFoundError('Plan', 'CASE_PLAN_NOT_FOUND');
      if (plan.revision !== dto.revision)
        throw new StaleVersionError('Plan', dto.revision, plan.revision);
      if (plan.status !== 'draft')
        throw new DomainError('CASE_PLAN_STATE_CONFLICT', `The plan is ${plan.status}`);
      const signed = dto.method === 'signed_file';
      if (signed) {
        const [file] = await this.files.findMany([dto.fileId!]);
        // The uploader's own file, uploaded to this case: an id seen elsewhere (another
        // case's agreement, a file of another module) names nobody's agreement here.
        if (
          !file ||
          file.uploadedById !== actor.userId ||
          !(await this.plans.isCaseFile(caseId, file.id, manager)) ||
          !(AGREEMENT_FILE_TYPES as readonly string[]).includes(file.contentType)
        ) {
          throw new DomainError(
            'CASE_PLAN_FILE_INVALID',
            'Upload the signed agreement (PDF, PNG or JPEG) first, then agree with its id',
            [{ field: 'fileId', constraint: 'planFile', message: 'not an uploaded agreement' }],
          );
        }
      }
      await this.plans.updatePlan(
        plan.id,
        {
          status: 'agreed',
          agreedAt: this.clock.now(),
          agreedByName: dto.agreedByName,
          agreementMethod: dto.method,
          agreementFileId: signed ? dto.fileId! : null,
          attestedBy: signed ? null : actor.userId,
        },
        manager,
      );
      await this.plans.supersedeAgreed(caseId, plan.id, manager);
      // No name in the audit row: the method, the file and the version only.
      await this.audit.record(manager, {
        entityType: 'case_plan',
        entityId: plan.id,
        action: 'agree',
        actor,
        fromState: 'draft',
        toState: 'agreed',
        data: {
          householdId: row.householdId,
          caseId,
          version: plan.version,
          method: dto.method,
          fileId: signed ? dto.fileId : null,
        },
        areaPath: row.communityPath,
      });
    });
    return this.service.get(caseId, actor);
  }

  /** The signed page of one of the case's plans. */
  async download(
    caseId: string,
    fileId: string,
    principal: Principal,
  ): Promise<{ file: PlanFileDto; content: Readable }> {
    await this.service.visibleCase(caseId, principal);
    const plans = await this.plans.versions(caseId);
    if (
      !plans.some((p) => p.agreementFileId === fileId) ||
      !(await this.plans.isCaseFile(caseId, fileId))
    )
      throw new NotFoundError('File', 'CASE_PLAN_FILE_NOT_FOUND');
    const { file, content } = await this.files.open(fileId);
    return { file: toPlanFileDto(file), content };
  }
}
