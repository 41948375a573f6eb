import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  PageQueryDto,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { ReasonDto } from '../dto/project.dto';
import {
  CommentDto,
  ContractDetailDto,
  ContractDto,
  EvaluationDto,
  EvaluationScoresDto,
  MilestoneOutcomeDto,
  OpenEvaluationDto,
} from './contract.dto';
import { ContractsService } from './contracts.service';
import { PerformanceService } from './performance.service';

@ApiTags('contracts')
@ApiProtected()
@Controller()
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly performance: PerformanceService,
  ) {}

  @Get('contracts')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary: 'Contracts: staff their area’s, organizations their own, evaluators theirs',
  })
  @ApiPageResponse(ContractDto)
  @ApiErrors(400)
  list(@Query() query: PageQueryDto, @CurrentUser() me: Principal): Promise<Page<ContractDto>> {
    return this.contracts.list(query, me);
  }

  @Get('contracts/:id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary: 'A contract with milestones, payments, evaluations (and their evidence), history',
  })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.contracts.get(id, me);
  }

  @Post('contracts/:id/milestones/:milestoneId/outcome')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Record a milestone outcome with evidence; a payable one is paid if the latest evaluation is pass or better, else waits',
  })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404, 409)
  milestone(
    @Param('id', ParseIdPipe) id: string,
    @Param('milestoneId', ParseIdPipe) milestoneId: string,
    @Body() body: MilestoneOutcomeDto,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.contracts.decideMilestone(id, milestoneId, body, me);
  }

  @Post('contracts/:id/complete')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Complete the contract (every milestone decided); its resource closes' })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404, 409)
  complete(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.contracts.complete(id, me);
  }

  @Post('contracts/:id/terminate')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Terminate the contract with a reason; its resource closes' })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404, 409)
  terminate(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReasonDto,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.contracts.terminate(id, body.reason, me);
  }

  @Post('contracts/:id/evaluations')
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Open a mid-term or final performance evaluation with government, third-party and recipient evaluators',
  })
  @ApiCreatedResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404, 409)
  openEvaluation(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: OpenEvaluationDto,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.performance.open(id, body, me);
  }

  @Get('evaluations/:id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({ summary: 'A performance evaluation with its platform evidence' })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrors(400, 404)
  evaluation(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<EvaluationDto> {
    return this.performance.get(id, me);
  }

  @Post('evaluations/:id/scores')
  @HttpCode(200)
  @Roles('civil_affairs', 'evaluator')
  @ApiOperation({ summary: 'Your dimension scores (0–100 each), locked once submitted' })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrors(400, 404, 409)
  score(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: EvaluationScoresDto,
    @CurrentUser() me: Principal,
  ): Promise<EvaluationDto> {
    return this.performance.submit(id, body, me);
  }

  @Post('evaluations/:id/complete')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Grade the evaluation: releases waiting payments on a pass, updates the rating, suspends bidding on a fail',
  })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrors(400, 404, 409)
  completeEvaluation(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<EvaluationDto> {
    return this.performance.complete(id, me);
  }

  @Post('evaluations/:id/comment')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({
    summary: 'The organization’s comment, within the comment period after completion',
  })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrors(400, 404, 409)
  comment(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CommentDto,
    @CurrentUser() me: Principal,
  ): Promise<EvaluationDto> {
    return this.performance.comment(id, body.comment, me);
  }
}
