import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, type Principal, TransactionRunner } from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import type { AssessmentTemplateEntity } from './assessment-template.entity';
import { AssessmentTemplatesRepository } from './assessment-templates.repository';
import type { CreateTemplateDto, TemplateDto } from './dto/assessment.dto';
import { templateErrors } from './template/scoring.util';

export const toTemplateDto = (t: AssessmentTemplateEntity): TemplateDto => ({
  id: t.id,
  code: t.code,
  version: t.version,
  name: t.name,
  definition: t.definition,
  createdAt: t.createdAt.toISOString(),
});

@Injectable()
export class AssessmentTemplatesService {
  constructor(
    private readonly templates: AssessmentTemplatesRepository,
    private readonly categories: CategoriesRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TemplateDto[]> {
    return (await this.templates.all()).map(toTemplateDto);
  }

  /** Publishes a template: version 1 of a new code, or the next version of an existing one. */
  async publish(dto: CreateTemplateDto, actor: Principal): Promise<TemplateDto> {
    const known = (await this.categories.all()).map((c) => c.code);
    const errors = templateErrors(dto.definition, known);
    if (errors.length > 0)
      throw new DomainError('TEMPLATE_INVALID', `Invalid template at ${errors[0].field}`, errors);
    const id = await this.tx.run(async (manager) => {
      // Serialises publications of one code, so two editors can't both take the next version.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`template:${dto.code}`]);
      const latest = await this.templates.latest(dto.code, manager);
      const version = (latest?.version ?? 0) + 1;
      const newId = await this.templates.insert(
        {
          code: dto.code,
          version,
          name: dto.name,
          definition: dto.definition,
          createdBy: actor.userId,
        },
        manager,
      );
      await this.audit.record(manager, {
        entityType: 'assessment_template',
        entityId: newId,
        action: 'publish',
        actor,
        toState: `v${version}`,
        data: { code: dto.code, version },
      });
      return newId;
    });
    return toTemplateDto((await this.templates.findById(id))!);
  }
}
