import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, ApiProtected, CurrentUser, type Principal, Roles } from '@onedoor/platform';
import {
  CONTRACT_COLUMNS,
  COVERAGE_COLUMNS,
  REFERRAL_SLA_COLUMNS,
  RESOURCE_COLUMNS,
  UNMET_NEED_COLUMNS,
  UNMET_SUMMARY_COLUMNS,
} from './report-columns';
import { type ReportColumn, toCsv } from './report-csv';
import {
  ContractsReportDto,
  CoverageQueryDto,
  CoverageReportDto,
  ReferralSlaQueryDto,
  ReferralSlaReportDto,
  ResourcesReportDto,
  ResourcesReportQueryDto,
  ScopeQueryDto,
  UnmetNeedDto,
  UnmetNeedsQueryDto,
  UnmetNeedsReportDto,
  UnmetNeedsRowDto,
} from './reports.dto';
import { ReportsService } from './reports.service';

/** CSV when asked by `?format=csv` or an Accept header naming text/csv; JSON otherwise. */
function wantsCsv(q: ScopeQueryDto, req: FastifyRequest): boolean {
  if (q.format) return q.format === 'csv';
  return (req.headers.accept ?? '').toLowerCase().includes('text/csv');
}

/**
 * Reports for civil-affairs staff over their area (admin: any area). Each answers JSON, or
 * the same rows as CSV — the total row last — for spreadsheet programs.
 */
@ApiTags('reports')
@ApiProtected()
@ApiProduces('application/json', 'text/csv')
@ApiExtraModels(UnmetNeedsRowDto, UnmetNeedDto)
@Roles('civil_affairs')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  private answer<Row, R extends { rows: unknown[] }>(
    report: R,
    csvRows: Row[],
    columns: ReportColumn<Row>[],
    name: string,
    q: ScopeQueryDto,
    req: FastifyRequest,
    reply: FastifyReply,
  ): R | string {
    if (!wantsCsv(q, req)) return report;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${name}.csv"`);
    return toCsv(columns, csvRows);
  }

  @Get('coverage')
  @ApiOperation({
    summary:
      'Accessibility and attainability rates of households with a need, per child area or category, with the total',
  })
  @ApiOkResponse({ type: CoverageReportDto })
  @ApiErrors(400, 403, 404)
  async coverage(
    @Query() q: CoverageQueryDto,
    @CurrentUser() me: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CoverageReportDto | string> {
    const r = await this.reports.coverage(q, me);
    return this.answer(r, [...r.rows, r.total], COVERAGE_COLUMNS, 'coverage', q, req, reply);
  }

  @Get('unmet-needs')
  @ApiOperation({
    summary:
      'Open needs with no live proposal or referral, per child area × category (or each need), with the unmet reasons and the oldest wait',
  })
  @ApiOkResponse({ type: UnmetNeedsReportDto })
  @ApiErrors(400, 403, 404)
  async unmetNeeds(
    @Query() q: UnmetNeedsQueryDto,
    @CurrentUser() me: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnmetNeedsReportDto | string> {
    const r = await this.reports.unmetNeeds(q, me);
    return q.view === 'needs'
      ? this.answer(r, r.rows as UnmetNeedDto[], UNMET_NEED_COLUMNS, 'unmet-needs', q, req, reply)
      : this.answer(
          r,
          [...(r.rows as UnmetNeedsRowDto[]), r.total],
          UNMET_SUMMARY_COLUMNS,
          'unmet-needs',
          q,
          req,
          reply,
        );
  }

  @Get('referral-sla')
  @ApiOperation({
    summary:
      'Referrals approved in the period: by status, deadlines kept, overdue and escalated, median hours; per child area or provider',
  })
  @ApiOkResponse({ type: ReferralSlaReportDto })
  @ApiErrors(400, 403, 404)
  async referralSla(
    @Query() q: ReferralSlaQueryDto,
    @CurrentUser() me: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralSlaReportDto | string> {
    const r = await this.reports.referralSla(q, me);
    return this.answer(
      r,
      [...r.rows, r.total],
      REFERRAL_SLA_COLUMNS,
      'referral-sla',
      q,
      req,
      reply,
    );
  }

  @Get('resources')
  @ApiOperation({
    summary:
      'Utilization of the resources reaching the area (capacity, reserved, delivered, share used, expiring soon), per resource or provider kind',
  })
  @ApiOkResponse({ type: ResourcesReportDto })
  @ApiErrors(400, 403, 404)
  async resources(
    @Query() q: ResourcesReportQueryDto,
    @CurrentUser() me: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResourcesReportDto | string> {
    const r = await this.reports.resources(q, me);
    return this.answer(r, [...r.rows, r.total], RESOURCE_COLUMNS, 'resources', q, req, reply);
  }

  @Get('contracts')
  @ApiOperation({
    summary:
      'Contracts of the area’s tenders: milestones met, payments, latest evaluation grade and the referral evidence',
  })
  @ApiOkResponse({ type: ContractsReportDto })
  @ApiErrors(400, 403, 404)
  async contracts(
    @Query() q: ScopeQueryDto,
    @CurrentUser() me: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContractsReportDto | string> {
    const r = await this.reports.contracts(q, me);
    return this.answer(r, [...r.rows, r.total], CONTRACT_COLUMNS, 'contracts', q, req, reply);
  }
}
