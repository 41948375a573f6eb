import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, DomainError, NotFoundError, type Principal } from '@onedoor/platform';
import { assertProjectStaff } from '../procurement-access';
import { type ProjectAction, PROJECT_TRANSITIONS } from './project-lifecycle';
import type { ServiceProjectEntity } from './project.entity';
import { ProjectsRepository } from './projects.repository';

/**
 * The tender lifecycle applied to a locked project row, with its audit row in the caller's
 * transaction: what every step of tenders, evaluation and awards goes through.
 */
@Injectable()
export class ProjectLifecycleService {
  constructor(
    private readonly repo: ProjectsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Locks the project for a staff step; out of scope (or absent) is 404. */
  async lockForStaff(
    manager: EntityManager,
    id: string,
    actor: Principal,
  ): Promise<ServiceProjectEntity> {
    const project = await this.repo.lockProject(manager, id);
    if (!project) throw new NotFoundError('Project', 'PROJECT_NOT_FOUND');
    assertProjectStaff(actor, project);
    return project;
  }

  assertCan(project: ServiceProjectEntity, action: ProjectAction): void {
    if (!PROJECT_TRANSITIONS[action].from.includes(project.status)) {
      throw new DomainError(
        'PROJECT_INVALID_TRANSITION',
        `Cannot ${action.replace('_', ' ')} a project that is ${project.status}`,
        { status: project.status, action },
      );
    }
  }

  /** Moves the locked project and writes its audit row in the caller's transaction. */
  async transition(
    manager: EntityManager,
    project: ServiceProjectEntity,
    action: ProjectAction,
    actor: Principal | null,
    extra: { reason?: string; data?: Record<string, unknown> } = {},
  ): Promise<void> {
    this.assertCan(project, action);
    const from = project.status;
    project.status = PROJECT_TRANSITIONS[action].to;
    await this.repo.saveProject(manager, project);
    await this.audit.record(manager, {
      entityType: 'service_project',
      entityId: project.id,
      action,
      actor,
      fromState: from,
      toState: project.status,
      reason: extra.reason ?? null,
      data: extra.data ?? null,
      areaPath: project.areaPath,
    });
  }
}
