import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { ContractDetailDto } from '../contracts/dto/contract.dto';
import {
  AssignedEvaluationDto,
  AssignedEvaluationsQueryDto,
  CommentDto,
  EvaluationDto,
  EvaluationScoresDto,
  OpenEvaluationDto,
} from './dto/performance.dto';
import { EvaluationViewService } from './evaluation-view.service';
import { PerformanceService } from './performance.service';

@ApiTags('contracts')
@ApiProtected()
@Controller()
export class PerformanceController {
  constructor(
    private readonly performance: PerformanceService,
    private readonly view: EvaluationViewService,
  ) {}

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

  @Get('evaluations')
  @Roles('civil_affairs', 'evaluator')
  @ApiOperation({
    summary: 'Performance evaluations assigned to you (assignedTo=me): open and unscored first',
  })
  @ApiOkResponse({ type: [AssignedEvaluationDto] })
  @ApiErrors(400)
  // The query only names whose tasks: the caller's, so it is validated and not otherwise read.
  assigned(
    @Query() _query: AssignedEvaluationsQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<AssignedEvaluationDto[]> {
    return this.view.assignedTo(me);
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
