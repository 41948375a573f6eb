import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  detectFormat,
  IMPORT_REQUEUE_AFTER_MS,
  importProgressPercent,
  type ReasonLanguage,
  readImportTable,
} from '@onedoor/households';
import {
  AuditService,
  Clock,
  DomainError,
  fieldError,
  ImportsQueueProducer,
  type PageQueryDto,
  type Principal,
  ValidationFailedError,
} from '@onedoor/platform';
import { CategoryEntity } from '@onedoor/resources';
import type { AssistanceImportEntity } from './assistance-import.entity';
import type { AssistanceImportDto, StartRollImportDto } from './assistance-import.dto';
import { AssistanceImportsRepository } from './assistance-imports.repository';
import { GrantingOrganizations } from '../entries/granting-organizations';
import { missingRollColumnsError, toRollHeader } from './roll-columns';

/**
 * Roll imports, API side: decides whose roll it is and within which households its rows may
 * match, checks that the file can be read and has the required columns (a wrong file is
 * refused at once, not minutes later), keeps it with a queued job for the matcher's imports
 * worker, and answers progress and the error sheet to those who may follow it.
 */
@Injectable()
export class AssistanceImportsService {
  private readonly logger = new Logger(AssistanceImportsService.name);

  constructor(
    private readonly imports: AssistanceImportsRepository,
    private readonly queue: ImportsQueueProducer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly orgs: GrantingOrganizations,
  ) {}

  async start(
    content: Buffer,
    filename: string | null,
    fields: StartRollImportDto,
    actor: Principal,
  ): Promise<AssistanceImportDto> {
    const org = await this.organization(fields, actor);
    if (
      fields.categoryCode &&
      !(await this.ds.getRepository(CategoryEntity).existsBy({ code: fields.categoryCode }))
    ) {
      throw invalid('categoryCode', 'rollCategoryUnknown', 'no such category');
    }
    const format = detectFormat(content);
    // Read here too (the worker reads it again): a wrong encoding or header is answered now.
    const table = await readImportTable(content, format);
    const headerError = missingRollColumnsError(toRollHeader(table.header));
    if (headerError) throw headerError;
    if (table.rows.length === 0) throw invalid('file', 'importNoRows', 'the file has no data rows');

    const row = await this.ds.transaction(async (manager) => {
      const created = await this.imports.insert(manager, {
        actor,
        ...org,
        defaults: {
          categoryCode: fields.categoryCode ?? null,
          title: fields.title ?? null,
          form: fields.form ?? null,
          frequency: fields.frequency ?? null,
        },
        filename,
        format,
        encoding: table.encoding,
        content,
      });
      await this.audit.record(manager, {
        entityType: 'assistance_import',
        entityId: created.id,
        action: 'create',
        actor,
        toState: 'queued',
        data: { filename, grantedBy: org.grantedBy, providerId: org.providerId },
        areaPath: org.scopePath,
      });
      return created;
    });
    try {
      await this.queue.runAssistanceImport(row.id);
    } catch (err) {
      // The row is committed and queued: the sweep adds the job once Redis is back.
      this.logger.warn(`assistance import ${row.id} not queued: ${(err as Error).message}`);
    }
    return toAssistanceImportDto(row, 'zh');
  }

  async get(id: string, principal: Principal, lang: ReasonLanguage): Promise<AssistanceImportDto> {
    const row = await this.imports.findVisible(id, principal);
    if (!row) throw notFound();
    return toAssistanceImportDto(row, lang);
  }

  async list(query: PageQueryDto, principal: Principal, lang: ReasonLanguage) {
    const { rows, total } = await this.imports.list(principal, query);
    return {
      items: rows.map((r) => toAssistanceImportDto(r, lang)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** The error sheet; 404 while there is none (not finished, or every row imported). */
  async errorSheet(id: string, principal: Principal): Promise<Buffer> {
    const sheet = await this.imports.errorSheet(id, principal);
    if (sheet === undefined) throw notFound();
    if (sheet === null) throw new DomainError('NOT_FOUND', 'This import has no error sheet');
    return sheet;
  }

  /** The sweep behind each job: imports still queued after a while get their job again. */
  async requeueStale(): Promise<{ requeued: number }> {
    const ids = await this.imports.queuedBefore(
      new Date(this.clock.now().getTime() - IMPORT_REQUEUE_AFTER_MS),
    );
    for (const id of ids) await this.queue.requeueAssistanceImport(id);
    return { requeued: ids.length };
  }

  /**
   * Whose roll and where its rows may match: the granting organization as for an entry
   * recorded by hand (GrantingOrganizations: a provider's user as its verified organization,
   * staff naming a verified provider they can see or an outside organization), within the
   * caller's reach (a provider's home area subtree, staff's scope, an admin anywhere).
   */
  private async organization(
    fields: StartRollImportDto,
    actor: Principal,
  ): Promise<{ providerId: string | null; grantedBy: string; scopePath: string | null }> {
    if (actor.role !== 'admin' && actor.role !== 'provider' && !actor.areaPath) {
      throw new DomainError('FORBIDDEN', 'Your account has no area to import within');
    }
    const org = await this.orgs.granting(fields, actor);
    const scopePath = actor.role === 'admin' ? null : await this.orgs.reachOf(actor);
    return { ...org, scopePath };
  }
}

const notFound = () =>
  new DomainError('ASSISTANCE_IMPORT_NOT_FOUND', 'Assistance import not found');

const invalid = (
  field: string,
  constraint: Parameters<typeof fieldError>[1],
  message: string,
): ValidationFailedError =>
  new ValidationFailedError(message, [fieldError(field, constraint, message)]);

export function toAssistanceImportDto(
  row: AssistanceImportEntity,
  lang: ReasonLanguage,
): AssistanceImportDto {
  return {
    id: row.id,
    status: row.status,
    filename: row.filename,
    format: row.format,
    encoding: row.encoding,
    grantedBy: row.grantedBy,
    providerId: row.providerId,
    defaultCategoryCode: row.defaults.categoryCode,
    defaultTitle: row.defaults.title,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    importedRows: row.importedRows,
    unmatchedRows: row.unmatchedRows,
    refusedRows: row.refusedRows,
    duplicateRows: row.duplicateRows,
    progressPercent: importProgressPercent(row),
    failure: row.failure,
    hasErrorSheet: row.status === 'done' && row.unmatchedRows + row.refusedRows > 0,
    refusedSample: (row.refusedSample ?? []).map((r) => ({
      row: r.row,
      reasons: lang === 'en' ? r.reasonsEn : r.reasons,
    })),
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
