import type { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  ApiListResponse,
  ApiProtected,
  CurrentUser,
  DomainError,
  type ListPage,
  ParseIdPipe,
  type Principal,
  Roles,
  ValidationFailedError,
} from '@onedoor/platform';
import { AssessmentsService } from './assessments/assessments.service';
import { AssessmentDto, CreateAssessmentDto } from './dto/assessment.dto';
import {
  CreateHouseholdDto,
  HouseholdDto,
  HouseholdQueryDto,
  HouseholdSearchDto,
  HouseholdSummaryDto,
  NeedDto,
  UpdateHouseholdDto,
} from './dto/household.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { HouseholdImportService } from './import/household-import.service';
import { HouseholdsService } from './households.service';
import { HouseholdSearchService } from './household-search';
import { HouseholdReadsService, PAGE_HEADER, pageOf } from './household-reads.service';

@ApiTags('households')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('households')
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly assessments: AssessmentsService,
    private readonly importer: HouseholdImportService,
    private readonly search: HouseholdSearchService,
    private readonly reads: HouseholdReadsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Households in your area (phones masked)' })
  @ApiListResponse(HouseholdSummaryDto)
  @ApiErrors(400)
  async list(
    @Query() query: HouseholdQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<ListPage<HouseholdSummaryDto>> {
    if (query.q === undefined) return this.households.list(query, principal);
    const items = await this.search.search({ q: query.q, limit: query.limit }, principal);
    return { items, limit: query.limit, nextCursor: null };
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Search households in your area by name (prefix or trigram), phone or identity number (exact, by keyed digest); criteria combine. A body, so that phones and identity numbers stay out of URLs and access logs',
  })
  @ApiOkResponse({ type: [HouseholdSummaryDto] })
  @ApiErrors(400)
  searchHouseholds(
    @Body() body: HouseholdSearchDto,
    @CurrentUser() principal: Principal,
  ): Promise<HouseholdSummaryDto[]> {
    if (!body.q && !body.phone && !body.idNumber) {
      throw new ValidationFailedError('Give q, phone or idNumber', [
        {
          field: 'q',
          constraint: 'searchTermRequired',
          message: 'one of q, phone or idNumber is required',
        },
      ]);
    }
    return this.search.search(body, principal);
  }

  @Post()
  @ApiOperation({
    summary: 'Register a household (409 HOUSEHOLD_DUPLICATE when its head is registered)',
  })
  @ApiCreatedResponse({ type: HouseholdDto })
  @ApiErrors(400, 409)
  register(
    @Body() body: CreateHouseholdDto,
    @CurrentUser() principal: Principal,
  ): Promise<HouseholdDto> {
    return this.households.register(body, principal);
  }

  @Get('due-revisits')
  @ApiOperation({ summary: 'Households in your area due for a revisit, longest overdue first' })
  @ApiListResponse(HouseholdSummaryDto)
  @ApiErrors(400)
  dueRevisits(
    @Query() query: HouseholdQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<ListPage<HouseholdSummaryDto>> {
    return this.households.dueRevisits(query, principal);
  }

  @Post('import')
  @ApiOperation({
    summary:
      'Import households from a CSV (text/csv, UTF-8; columns in docs/domain.md, CSV import), streamed',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiErrors(400, 413, 415)
  import(
    @Req() request: { body?: unknown },
    @CurrentUser() principal: Principal,
  ): Promise<ImportResultDto> {
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as Readable).pipe !== 'function') {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the CSV as the request body with Content-Type: text/csv',
      );
    }
    return this.importer.import(body, principal);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One household with its members (identity numbers masked); the read enters the access log with the page of `X-OneDoor-Page`',
  })
  @ApiHeader({
    name: PAGE_HEADER,
    required: false,
    description: 'The console page reading the record (its pathname), for the access log',
  })
  @ApiOkResponse({ type: HouseholdDto })
  @ApiErrors(400, 404)
  async get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
    @Headers(PAGE_HEADER) page?: string,
  ): Promise<HouseholdDto> {
    const household = await this.households.get(id, principal);
    await this.reads.record(principal, id, pageOf(page));
    return household;
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a household; `members` replaces the member list (optimistic locking on version)',
  })
  @ApiOkResponse({ type: HouseholdDto })
  @ApiErrors(400, 404, 409)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateHouseholdDto,
    @CurrentUser() principal: Principal,
  ): Promise<HouseholdDto> {
    return this.households.update(id, body, principal);
  }

  @Get(':id/needs')
  @ApiOperation({ summary: "The household's needs, every status" })
  @ApiOkResponse({ type: [NeedDto] })
  @ApiErrors(400, 404)
  needs(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<NeedDto[]> {
    return this.households.needs(id, principal);
  }

  @Get(':id/assessments')
  @ApiOperation({
    summary:
      "The household's assessments, drafts included (a lost draft is found again), newest first; needs on GET /assessments/:id",
  })
  @ApiOkResponse({ type: [AssessmentDto] })
  @ApiErrors(400, 404)
  assessmentsOf(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<AssessmentDto[]> {
    return this.assessments.ofHousehold(id, principal);
  }

  @Post(':id/assessments')
  @Roles('assessor')
  @ApiOperation({
    summary:
      'Start a draft assessment (default: the latest comprehensive template); 409 ASSESSMENT_DRAFT_OPEN with the open draft’s id when one is open',
  })
  @ApiCreatedResponse({ type: AssessmentDto })
  @ApiErrors(400, 404, 409)
  startAssessment(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateAssessmentDto,
    @CurrentUser() principal: Principal,
  ): Promise<AssessmentDto> {
    return this.assessments.start(id, body, principal);
  }
}
