import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditService,
  DomainError,
  isUniqueViolation,
  NotFoundError,
  TransactionRunner,
  ValidationFailedError,
  type Page,
  type Principal,
  toPage,
} from '@onedoor/platform';
import { AreaEntity } from './area.entity';
import { childPath, idsOnPath, PARENT_LEVEL } from './area-level';
import { type AreaBoundary, boundaryProblems } from './area-boundary';
import { AreasRepository } from './areas.repository';
import {
  AreaDetailDto,
  AreaDto,
  AreaQueryDto,
  CreateAreaDto,
  PublicAreaDto,
  toAreaDto,
  UpdateAreaDto,
  toAreaSummaryDto,
  toPublicAreaDto,
} from './dto/area.dto';

/** A boundary given (null clears it) after checking it, or a 400 with each wrong node's path. */
function checkedBoundary(boundary: AreaBoundary | null | undefined): AreaBoundary | null {
  if (boundary === undefined || boundary === null) return null;
  const problems = boundaryProblems(boundary);
  if (problems.length) throw new ValidationFailedError('The boundary is not valid', problems);
  return { type: boundary.type, coordinates: boundary.coordinates } as AreaBoundary;
}

@Injectable()
export class AreasService {
  constructor(
    private readonly areas: AreasRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateAreaDto, actor: Principal): Promise<AreaDto> {
    const expectedParent = PARENT_LEVEL[dto.level];
    if ((dto.minimumLivingStandardFen !== undefined) !== (dto.level === 'district')) {
      throw new DomainError(
        'AREA_PARENT_INVALID',
        'minimumLivingStandardFen is required for a district and only for a district',
        [
          {
            field: 'minimumLivingStandardFen',
            constraint: 'districtStandardOnly',
            message: 'districts only, and required there',
          },
        ],
      );
    }
    const boundary = checkedBoundary(dto.boundary);
    try {
      return await this.tx.run(async (manager) => {
        let parentPath: string | null = null;
        if (expectedParent === null) {
          if (dto.parentId) throw new DomainError('AREA_PARENT_INVALID', 'A city has no parent');
        } else {
          const parent = dto.parentId ? await this.areas.findById(dto.parentId, manager) : null;
          if (!parent || parent.level !== expectedParent) {
            throw new DomainError(
              'AREA_PARENT_INVALID',
              `A ${dto.level} needs a parent ${expectedParent}`,
            );
          }
          parentPath = parent.path;
        }
        const area = Object.assign(new AreaEntity(), {
          id: randomUUID(),
          parentId: dto.parentId ?? null,
          level: dto.level,
          code: dto.code,
          name: dto.name,
          minimumLivingStandardFen: dto.minimumLivingStandardFen ?? null,
          boundary,
        });
        area.path = childPath(parentPath, area.id);
        await this.areas.insert(area, manager);
        await this.audit.record(manager, {
          entityType: 'area',
          entityId: area.id,
          action: 'create',
          actor,
          toState: 'active',
          data: { code: area.code, name: area.name, level: area.level },
          areaPath: area.path,
        });
        const saved = await this.areas.findById(area.id, manager);
        return toAreaDto(saved!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('AREA_CODE_TAKEN', `Area code ${dto.code} is already used`);
      }
      throw error;
    }
  }

  /** Renames an area or sets (null: removes) its boundary; audited with what changed. */
  async update(id: string, dto: UpdateAreaDto, actor: Principal): Promise<AreaDto> {
    const boundary = dto.boundary === undefined ? undefined : checkedBoundary(dto.boundary);
    return this.tx.run(async (manager) => {
      const area = await this.areas.findById(id, manager);
      if (!area) throw new NotFoundError('Area', 'AREA_NOT_FOUND');
      const changes: Partial<Pick<AreaEntity, 'name' | 'boundary'>> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (boundary !== undefined) changes.boundary = boundary;
      if (Object.keys(changes).length) {
        await this.areas.update(id, changes, manager);
        await this.audit.record(manager, {
          entityType: 'area',
          entityId: id,
          action: 'update',
          actor,
          data: {
            ...(changes.name !== undefined && { name: changes.name }),
            ...(boundary !== undefined && { boundary: boundary ? boundary.type : null }),
          },
          areaPath: area.path,
        });
      }
      return toAreaDto((await this.areas.findById(id, manager))!);
    });
  }

  async list(query: AreaQueryDto, principal: Principal): Promise<Page<AreaDto>> {
    return toPage(await this.areas.list(query, query, principal), query, toAreaDto);
  }

  /** Every area's name and place in the tree, for public pages (no standards, no scope). */
  async publicList(query: AreaQueryDto): Promise<Page<PublicAreaDto>> {
    return toPage(await this.areas.list(query, query, null), query, toPublicAreaDto);
  }

  async get(id: string, principal: Principal): Promise<AreaDetailDto> {
    const area = await this.areas.findInScope(id, principal);
    if (!area) throw new NotFoundError('Area', 'AREA_NOT_FOUND');
    // Ancestors are shown as breadcrumbs (names and codes) even above the caller's scope:
    // knowing which district a street belongs to reveals nothing about households.
    const ancestorIds = idsOnPath(area.path).filter((a) => a !== area.id);
    const [ancestors, children] = await Promise.all([
      this.areas.byIds(ancestorIds),
      this.areas.children(area.id),
    ]);
    ancestors.sort((a, b) => a.path.length - b.path.length);
    return {
      ...toAreaDto(area),
      ancestors: ancestors.map(toAreaSummaryDto),
      children: children.map(toAreaSummaryDto),
    };
  }
}
