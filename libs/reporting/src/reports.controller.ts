import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiProtected, CurrentUser, type Principal, Roles } from '@onedoor/platform';
import {
  CASE_OUTCOMES_CSV,
  CONTRACTS_CSV,
  COVERAGE_CSV,
  COVERAGE_MONTHLY_CSV,
  REFERRAL_SLA_CSV,
  STAFF_SLA_CSV,
  RESOURCES_CSV,
  UNMET_NEEDS_CSV,
} from './report-columns';
import { ReportFormatInterceptor, ReportResponse } from './report-format.interceptor';
import {
  ContractsReportDto,
  CoverageMonthlyQueryDto,
  CoverageMonthlyReportDto,
  CoverageQueryDto,
  CoverageReportDto,
  ReferralSlaQueryDto,
  ReferralSlaReportDto,
  ResourcesReportDto,
  ResourcesReportQueryDto,
  ScopeQueryDto,
  StaffSlaReportDto,
  PeriodQueryDto,
  UnmetNeedDto,
  UnmetNeedsQueryDto,
  UnmetNeedsReportDto,
  UnmetNeedsRowDto,
} from './reports.dto';
import { ReportsService } from './reports.service';
import { CoverageTrendService } from './coverage-trend.service';
import { CaseOutcomesQueryDto, CaseOutcomesReportDto } from './case-outcomes.dto';
import { CaseOutcomesService } from './case-outcomes.service';

/**
 * Reports for civil-affairs staff over their area (admin: any area). Each answers JSON, or
 * the same rows as CSV — the total row last — for spreadsheet programs
 * ({@link ReportFormatInterceptor}).
 */
@ApiTags('reports')
@ApiProtected()
@ApiExtraModels(UnmetNeedsRowDto, UnmetNeedDto)
@Roles('civil_affairs')
@UseInterceptors(ReportFormatInterceptor)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly trend: CoverageTrendService,
    private readonly outcomes: CaseOutcomesService,
  ) {}

  @Get('coverage')
  @ApiOperation({
    summary:
      'Accessibility and attainability rates of households with a need, per child area or category, with the total',
  })
  @ReportResponse(CoverageReportDto, COVERAGE_CSV)
  @ApiErrors(400, 403, 404)
  coverage(@Query() q: CoverageQueryDto, @CurrentUser() me: Principal): Promise<CoverageReportDto> {
    return this.reports.coverage(q, me);
  }

  @Get('coverage/monthly')
  @ApiOperation({
    summary:
      'The coverage trend: per China calendar month, accessibility and attainability rates over that month (the coverage report’s total with the month as its period)',
  })
  @ReportResponse(CoverageMonthlyReportDto, COVERAGE_MONTHLY_CSV)
  @ApiErrors(400, 403, 404)
  coverageMonthly(
    @Query() q: CoverageMonthlyQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<CoverageMonthlyReportDto> {
    return this.trend.monthly(q, me);
  }

  @Get('unmet-needs')
  @ApiOperation({
    summary:
      'Open needs with no live proposal or referral, per child area × category (or each need), with the unmet reasons and the oldest wait',
  })
  @ReportResponse(UnmetNeedsReportDto, UNMET_NEEDS_CSV)
  @ApiErrors(400, 403, 404)
  unmetNeeds(
    @Query() q: UnmetNeedsQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<UnmetNeedsReportDto> {
    return this.reports.unmetNeeds(q, me);
  }

  @Get('referral-sla')
  @ApiOperation({
    summary:
      'Referrals approved in the period: by status, deadlines kept, overdue and escalated, median hours; per child area or provider',
  })
  @ReportResponse(ReferralSlaReportDto, REFERRAL_SLA_CSV)
  @ApiErrors(400, 403, 404)
  referralSla(
    @Query() q: ReferralSlaQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<ReferralSlaReportDto> {
    return this.reports.referralSla(q, me);
  }

  @Get('staff-sla')
  @ApiOperation({
    summary:
      'Deadlines on staff steps (proposal approvals, resource reviews, organization applications) falling in the period: due, on time, overdue, escalated',
  })
  @ReportResponse(StaffSlaReportDto, STAFF_SLA_CSV)
  @ApiErrors(400, 403, 404)
  staffSla(@Query() q: PeriodQueryDto, @CurrentUser() me: Principal): Promise<StaffSlaReportDto> {
    return this.reports.staffSla(q, me);
  }

  @Get('resources')
  @ApiOperation({
    summary:
      'Utilization of the resources reaching the area (capacity, reserved, delivered, share used, expiring soon), per resource or provider kind',
  })
  @ReportResponse(ResourcesReportDto, RESOURCES_CSV)
  @ApiErrors(400, 403, 404)
  resources(
    @Query() q: ResourcesReportQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<ResourcesReportDto> {
    return this.reports.resources(q, me);
  }

  @Get('contracts')
  @ApiOperation({
    summary:
      'Contracts of the area’s tenders: milestones met, payments, latest evaluation grade and the referral evidence',
  })
  @ReportResponse(ContractsReportDto, CONTRACTS_CSV)
  @ApiErrors(400, 403, 404)
  contracts(@Query() q: ScopeQueryDto, @CurrentUser() me: Principal): Promise<ContractsReportDto> {
    return this.reports.contracts(q, me);
  }

  @Get('case-outcomes')
  @ApiOperation({
    summary:
      'Case outcomes per adviser, community or street: caseload, reassessments with a better score or tier, households that left assistance and those that came back within 12 months',
  })
  @ReportResponse(CaseOutcomesReportDto, CASE_OUTCOMES_CSV)
  @ApiErrors(400, 403, 404)
  caseOutcomes(
    @Query() q: CaseOutcomesQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<CaseOutcomesReportDto> {
    return this.outcomes.report(q, me);
  }
}
