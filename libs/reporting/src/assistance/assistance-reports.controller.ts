import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiProtected, CurrentUser, type Principal, Roles } from '@onedoor/platform';
import { ReportFormatInterceptor, ReportResponse } from '../report-format.interceptor';
import {
  ASSISTANCE_CSV,
  ASSISTANCE_DUPLICATES_CSV,
  ASSISTANCE_MONTHLY_CSV,
  MISSED_ASSISTANCE_CSV,
} from './assistance-reports.columns';
import {
  AssistanceDuplicatesReportDto,
  AssistanceMonthlyReportDto,
  AssistanceMonthsQueryDto,
  AssistanceQueryDto,
  AssistanceReportDto,
  MissedAssistanceQueryDto,
  MissedAssistanceReportDto,
} from './assistance-reports.dto';
import { AssistanceReportsService } from './assistance-reports.service';

/**
 * The assistance ledger's reports for civil-affairs staff over their area (admin: any area):
 * JSON, CSV or an Excel workbook ({@link ReportFormatInterceptor}).
 */
@ApiTags('reports')
@ApiProtected()
@Roles('civil_affairs')
@UseInterceptors(ReportFormatInterceptor)
@Controller('reports')
export class AssistanceReportsController {
  constructor(private readonly reports: AssistanceReportsService) {}

  @Get('assistance')
  @ApiOperation({
    summary:
      'The assistance bulletin table: household-times, amount and households of the ledger (every source) per source, category, residency, tier or urban/rural, over China calendar months',
  })
  @ReportResponse(AssistanceReportDto, ASSISTANCE_CSV)
  @ApiErrors(400, 403, 404)
  assistance(
    @Query() q: AssistanceQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<AssistanceReportDto> {
    return this.reports.assistance(q, me);
  }

  @Get('assistance/monthly')
  @ApiOperation({
    summary: 'Assistance per China calendar month: household-times, amount spent and households',
  })
  @ReportResponse(AssistanceMonthlyReportDto, ASSISTANCE_MONTHLY_CSV)
  @ApiErrors(400, 403, 404)
  monthly(
    @Query() q: AssistanceMonthsQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<AssistanceMonthlyReportDto> {
    return this.reports.monthly(q, me);
  }

  @Get('missed-assistance')
  @ApiOperation({
    summary:
      'Active households with an open or matched need, no assistance (any source) in the last N months and no referral under way',
  })
  @ReportResponse(MissedAssistanceReportDto, MISSED_ASSISTANCE_CSV)
  @ApiErrors(400, 403, 404)
  missed(
    @Query() q: MissedAssistanceQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<MissedAssistanceReportDto> {
    return this.reports.missed(q, me);
  }

  @Get('assistance-duplicates')
  @ApiOperation({
    summary:
      'The same benefit twice for one household in one period, from any sources: pairs of overlapping ledger entries',
  })
  @ReportResponse(AssistanceDuplicatesReportDto, ASSISTANCE_DUPLICATES_CSV)
  @ApiErrors(400, 403, 404)
  duplicates(
    @Query() q: AssistanceMonthsQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<AssistanceDuplicatesReportDto> {
    return this.reports.duplicates(q, me);
  }
}
