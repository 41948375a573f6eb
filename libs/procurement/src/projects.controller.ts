import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { BidsService } from './bids.service';
import { BidDetailDto, BidListDto, SubmitBidDto } from './dto/bid.dto';
import {
  AwardProjectDto,
  CreateProjectDto,
  DeclarationDto,
  DeclarationsDto,
  PanelDto,
  ProjectDetailDto,
  ProjectDto,
  ProjectQueryDto,
  PublishProjectDto,
  ReasonDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { RankingDto } from './dto/ranking.dto';
import { EvaluationService } from './evaluation/evaluation.service';
import { ProjectsService } from './projects.service';
import { OcdsService } from './ocds/ocds.service';

@ApiTags('procurement')
@ApiProtected()
@Controller('procurement/projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly bids: BidsService,
    private readonly evaluation: EvaluationService,
    private readonly ocds: OcdsService,
  ) {}

  @Get(':id/ocds')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'The project as an OCDS 1.1 release package: one release per stage reached (tender, bids after close, awards, contract, implementation)',
  })
  @ApiOkResponse({
    schema: { type: 'object', description: 'OCDS 1.1 release package', additionalProperties: true },
  })
  @ApiErrors(400, 404)
  ocdsPackage(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<Record<string, unknown>> {
    return this.ocds.releasePackage(id, me);
  }

  @Get()
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'Service projects: staff see their area’s, providers every published tender, evaluators their panels’',
  })
  @ApiPageResponse(ProjectDto)
  @ApiErrors(400)
  list(@Query() query: ProjectQueryDto, @CurrentUser() me: Principal): Promise<Page<ProjectDto>> {
    return this.projects.list(query, me);
  }

  @Post()
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Create a draft project with requirements and weighted criteria (sum 100)',
  })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 403, 404)
  create(@Body() body: CreateProjectDto, @CurrentUser() me: Principal): Promise<ProjectDetailDto> {
    return this.projects.create(body, me);
  }

  @Get(':id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({ summary: 'One project with its panel, awards and history' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.get(id, me);
  }

  @Patch(':id')
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Edit a draft (409 once published: terms and weights are frozen)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 403, 404, 409)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateProjectDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.update(id, body, me);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Publish: freezes the criteria; bidding closes at closesAt (the matcher’s delayed job)',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  publish(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: PublishProjectDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.publish(id, new Date(body.closesAt), me);
  }

  @Post(':id/close-bidding')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Close bidding by hand, only after closesAt (fails with too few bids)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  close(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.closeBidding(id, me);
  }

  @Post(':id/start-evaluation')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Every bid qualified or not and a panel of 3+: evaluation starts (or the project fails)',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  startEvaluation(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.startEvaluation(id, me);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Cancel the project with a reason' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  cancel(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReasonDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.cancel(id, body.reason, me);
  }

  @Put(':id/panel')
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Assign the evaluation panel (3 or more evaluators), until evaluation starts',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  panel(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: PanelDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.evaluation.setPanel(id, body.evaluatorIds, me);
  }

  @Post(':id/declarations')
  @Roles('evaluator')
  @ApiOperation({
    summary:
      'Declare conflicts of interest per bidder (final); a conflict recuses you from that bid',
  })
  @ApiCreatedResponse({ type: [DeclarationDto] })
  @ApiErrors(400, 403, 404, 409)
  declare(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DeclarationsDto,
    @CurrentUser() me: Principal,
  ): Promise<DeclarationDto[]> {
    return this.evaluation.declare(id, body.declarations, me);
  }

  @Get(':id/declarations')
  @Roles('evaluator')
  @ApiOperation({ summary: 'Your declarations on this project' })
  @ApiOkResponse({ type: [DeclarationDto] })
  @ApiErrors(400, 403, 404)
  declarations(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<DeclarationDto[]> {
    return this.evaluation.declarationsOf(id, me);
  }

  @Get(':id/bids')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'Bids: sealed until bidding closes (the count for all, its own bids for the bidder); then the bids for staff, panel and bidders',
  })
  @ApiOkResponse({ type: BidListDto })
  @ApiErrors(400, 403, 404)
  listBids(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<BidListDto> {
    return this.bids.list(id, me);
  }

  @Post(':id/bids')
  @Roles('provider')
  @ApiOperation({
    summary: 'Bid (verified social-work organizations; one live bid each; price within the budget)',
  })
  @ApiCreatedResponse({ type: BidDetailDto })
  @ApiErrors(400, 403, 404, 409)
  submitBid(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SubmitBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.submit(id, body, me);
  }

  @Get(':id/ranking')
  @Roles('civil_affairs', 'evaluator')
  @ApiOperation({
    summary:
      'The ranking with its breakdown per bid and criterion (after close; evaluators once every score is in)',
  })
  @ApiOkResponse({ type: RankingDto })
  @ApiErrors(400, 403, 404, 409)
  ranking(@Param('id', ParseIdPipe) id: string, @CurrentUser() me: Principal): Promise<RankingDto> {
    return this.evaluation.ranking(id, me);
  }

  @Post(':id/award')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Award a bid with a justification (another than the best available also needs deviationReason)',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  award(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AwardProjectDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.evaluation.award(id, body, me);
  }
}
