import { Injectable } from '@nestjs/common';
import {
  AuditService,
  DomainError,
  type FieldError,
  fieldError,
  isUniqueViolation,
  NotFoundError,
  type Principal,
  StaleVersionError,
  TransactionRunner,
} from '@onedoor/platform';
import {
  CategoriesRepository,
  type CategoryEntity,
  ResourceSummariesRepository,
} from '@onedoor/resources';
import type { EntityManager } from 'typeorm';
import type { CreateStackingRuleDto, StackingRuleDto, UpdateStackingRuleDto } from './rules.dto';
import { toStackingRuleDto } from './rules.mapper';
import { StackingRulesRepository } from './rules.repository';
import { periodErrors, ruleSubject, type StackingRuleSubject } from './rules.util';
import type { StackingRuleEntity } from './stacking-rule.entity';

/**
 * The stacking rules table: one city-wide policy, read by the staff who explain decisions and
 * edited by admin only (the controller's roles). Each change commits with its audit row.
 */
@Injectable()
export class StackingRulesService {
  constructor(
    private readonly rules: StackingRulesRepository,
    private readonly categories: CategoriesRepository,
    private readonly resources: ResourceSummariesRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<StackingRuleDto[]> {
    return this.toDtos(await this.rules.all());
  }

  async create(dto: CreateStackingRuleDto, actor: Principal): Promise<StackingRuleDto> {
    const subject = ruleSubject(dto);
    const periodMonths = dto.periodMonths ?? null;
    const shape = [
      ...(Array.isArray(subject) ? subject : []),
      ...periodErrors(dto.kind, periodMonths),
    ];
    if (shape.length > 0) throw invalid(shape);
    const s = subject as StackingRuleSubject;
    const unknown = await this.unknownSubject(s);
    if (unknown.length > 0) throw invalid(unknown);
    try {
      const id = await this.tx.run(async (manager) => {
        await this.refuseDuplicate(s, manager);
        const newId = await this.rules.insert(
          { ...s, kind: dto.kind, periodMonths, note: dto.note ?? null, createdById: actor.userId },
          manager,
        );
        await this.audit.record(manager, {
          entityType: 'stacking_rule',
          entityId: newId,
          action: 'create',
          actor,
          toState: dto.kind,
          data: { ...s, kind: dto.kind, periodMonths },
        });
        return newId;
      });
      return this.get(id);
    } catch (error) {
      // Two admins adding the same rule at once: the unique index decides, with the same answer.
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  async update(id: string, dto: UpdateStackingRuleDto, actor: Principal): Promise<StackingRuleDto> {
    await this.tx.run(async (manager) => {
      const rule = await this.rules.findById(id, manager, true);
      if (!rule) throw new NotFoundError('Stacking rule', 'STACKING_RULE_NOT_FOUND');
      const kind = dto.kind ?? rule.kind;
      // A kind changed away from once_per_period drops its period unless one is sent (refused).
      const periodMonths =
        dto.periodMonths !== undefined
          ? dto.periodMonths
          : kind === 'once_per_period'
            ? rule.periodMonths
            : null;
      const shape = periodErrors(kind, periodMonths);
      if (shape.length > 0) throw invalid(shape);
      const note = dto.note !== undefined ? dto.note : rule.note;
      if (
        !(await this.rules.updateVersioned(id, dto.version, { kind, periodMonths, note }, manager))
      )
        throw new StaleVersionError('Stacking rule', dto.version, rule.version);
      await this.audit.record(manager, {
        entityType: 'stacking_rule',
        entityId: id,
        action: 'update',
        actor,
        fromState: rule.kind,
        toState: kind,
        data: {
          categoryCode: rule.categoryCode,
          resourceAId: rule.resourceAId,
          resourceBId: rule.resourceBId,
          kind,
          periodMonths,
          previous: { kind: rule.kind, periodMonths: rule.periodMonths },
        },
      });
    });
    return this.get(id);
  }

  async remove(id: string, actor: Principal): Promise<void> {
    await this.tx.run(async (manager) => {
      const rule = await this.rules.findById(id, manager, true);
      if (!rule) throw new NotFoundError('Stacking rule', 'STACKING_RULE_NOT_FOUND');
      await this.rules.delete(id, manager);
      // The row goes; the audit keeps what it said, so a past decision can still be explained.
      await this.audit.record(manager, {
        entityType: 'stacking_rule',
        entityId: id,
        action: 'delete',
        actor,
        fromState: rule.kind,
        data: {
          categoryCode: rule.categoryCode,
          resourceAId: rule.resourceAId,
          resourceBId: rule.resourceBId,
          kind: rule.kind,
          periodMonths: rule.periodMonths,
          note: rule.note,
        },
      });
    });
  }

  private async get(id: string): Promise<StackingRuleDto> {
    const rule = await this.rules.findById(id);
    if (!rule) throw new NotFoundError('Stacking rule', 'STACKING_RULE_NOT_FOUND');
    return (await this.toDtos([rule]))[0];
  }

  private async toDtos(rules: StackingRuleEntity[]): Promise<StackingRuleDto[]> {
    const ids = rules.flatMap((r) => (r.resourceAId ? [r.resourceAId, r.resourceBId!] : []));
    const [categories, resources] = await Promise.all([
      rules.some((r) => r.categoryCode) ? this.categories.all() : Promise.resolve([]),
      this.resources.byIds(ids),
    ]);
    const byCode = new Map<string, CategoryEntity>(categories.map((c) => [c.code, c]));
    return rules.map((r) => toStackingRuleDto(r, byCode, resources));
  }

  /** The category or resources named that do not exist, as errors on their fields. */
  private async unknownSubject(s: StackingRuleSubject): Promise<FieldError[]> {
    if (s.categoryCode !== null) {
      return (await this.categories.exists(s.categoryCode))
        ? []
        : [fieldError('categoryCode', 'unknownCategory', `no category ${s.categoryCode}`)];
    }
    const found = await this.resources.byIds([s.resourceAId, s.resourceBId]);
    return found.has(s.resourceAId) && found.has(s.resourceBId)
      ? []
      : [fieldError('resourceIds', 'stackingRuleResource', 'no such resource')];
  }

  private async refuseDuplicate(s: StackingRuleSubject, manager: EntityManager): Promise<void> {
    const existing = await this.rules.findBySubject(
      s.categoryCode !== null
        ? { categoryCode: s.categoryCode }
        : { resourceAId: s.resourceAId, resourceBId: s.resourceBId },
      manager,
    );
    if (existing) throw duplicate(existing.id);
  }
}

function invalid(details: FieldError[]): DomainError {
  return new DomainError(
    'STACKING_RULE_INVALID',
    `Invalid stacking rule: ${details.map((d) => `${d.field} (${d.message})`).join('; ')}`,
    details,
  );
}

function duplicate(existingId?: string): DomainError {
  return new DomainError(
    'STACKING_RULE_DUPLICATE',
    'A stacking rule for this category or pair of resources exists already',
    existingId ? { ruleId: existingId } : undefined,
  );
}
