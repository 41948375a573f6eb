import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { CasesService } from './cases.service';
import {
  AdviserCandidateDto,
  CaseDto,
  CaseQueryDto,
  CloseCaseDto,
  HandoverCaseDto,
  ReopenCaseDto,
} from './dto/case.dto';

/** One 409 per route (OpenAPI keys answers by status): the stale version, and what else it may mean. */
const conflict = (also: string) => ({
  status: 409,
  code: 'STALE_VERSION' as const,
  message: 'Case was changed since version 1 (now 2)',
  description: `The version sent is stale (STALE_VERSION), or ${also}`,
});

@ApiTags('cases')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('cases')
  @ApiOperation({
    summary: 'Cases in your area; `assignedTo=me` is your caseload, newest first',
  })
  @ApiPageResponse(CaseDto)
  @ApiErrors(400)
  list(@Query() query: CaseQueryDto, @CurrentUser() principal: Principal): Promise<Page<CaseDto>> {
    return this.cases.list(query, principal);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'One case with its hand-over history' })
  @ApiOkResponse({ type: CaseDto })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() principal: Principal): Promise<CaseDto> {
    return this.cases.get(id, principal);
  }

  @Get('households/:id/case')
  @ApiOperation({ summary: "The household's open case, else its latest" })
  @ApiOkResponse({ type: CaseDto })
  @ApiErrors(400, 404)
  ofHousehold(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<CaseDto> {
    return this.cases.ofHousehold(id, principal);
  }

  @Get('cases/:id/adviser-candidates')
  @ApiOperation({
    summary: 'Who the case may be handed over to: active assessors whose area covers the household',
  })
  @ApiOkResponse({ type: [AdviserCandidateDto] })
  @ApiErrors(400, 404)
  adviserCandidates(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<AdviserCandidateDto[]> {
    return this.cases.adviserCandidates(id, principal);
  }

  @Post('cases/:id/handover')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Hand the case over to another adviser (an active assessor whose area covers the household; else 422 CASE_ADVISER_INVALID); both advisers and the street’s civil-affairs staff are notified',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiErrors(400, 404, conflict('the case is closed (CASE_STATE_CONFLICT)'), {
    status: 422,
    code: 'CASE_ADVISER_INVALID',
    message: 'The new adviser must be an active assessor whose area covers the household',
    description: 'The new adviser is not an active assessor in the household’s area',
  })
  handover(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: HandoverCaseDto,
    @CurrentUser() principal: Principal,
  ): Promise<CaseDto> {
    return this.cases.handover(id, body, principal);
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case with a reason' })
  @ApiOkResponse({ type: CaseDto })
  @ApiErrors(400, 404, conflict('the case is already closed (CASE_STATE_CONFLICT)'))
  close(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CloseCaseDto,
    @CurrentUser() principal: Principal,
  ): Promise<CaseDto> {
    return this.cases.close(id, body, principal);
  }

  @Post('cases/:id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a closed case (409 CASE_ALREADY_OPEN when the household has another open)',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiErrors(
    400,
    404,
    conflict('the case is open (CASE_STATE_CONFLICT) or another case is (CASE_ALREADY_OPEN)'),
  )
  reopen(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReopenCaseDto,
    @CurrentUser() principal: Principal,
  ): Promise<CaseDto> {
    return this.cases.reopen(id, body, principal);
  }
}
