import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiProtected, CurrentUser, type Principal, Roles } from '@onedoor/platform';
import { LeadReportDto, LeadReportQueryDto } from './dto/lead-report.dto';
import { LeadReportService } from './lead-report.service';

@ApiTags('reports')
@ApiProtected()
@Controller('reports')
export class LeadReportController {
  constructor(private readonly reports: LeadReportService) {}

  @Get('leads')
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Leads per source for your area: reported, triaged within the deadline, linked or registered, assisted, closed',
  })
  @ApiOkResponse({ type: LeadReportDto })
  @ApiErrors(400)
  leads(@Query() q: LeadReportQueryDto, @CurrentUser() me: Principal): Promise<LeadReportDto> {
    return this.reports.report(q, me);
  }
}
