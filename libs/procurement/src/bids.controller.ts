import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { BidsService } from './bids.service';
import {
  BidDetailDto,
  BidScoresDto,
  ModerateDto,
  PriceJustificationDto,
  QualifyBidDto,
  SubmitBidDto,
  SubmitScoresDto,
} from './dto/bid.dto';
import { ProjectDetailDto, ReasonDto } from './dto/project.dto';
import { RankingDto } from './dto/ranking.dto';
import { EvaluationService } from './evaluation/evaluation.service';

@ApiTags('procurement')
@ApiProtected()
@Controller()
export class BidsController {
  constructor(
    private readonly bids: BidsService,
    private readonly evaluation: EvaluationService,
  ) {}

  @Get('bids/:id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({ summary: 'One bid with its pre-check and history (sealed until bidding closes)' })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 403, 404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() me: Principal): Promise<BidDetailDto> {
    return this.bids.get(id, me);
  }

  @Put('bids/:id')
  @Roles('provider')
  @ApiOperation({
    summary: 'Replace your live bid before the deadline (the old one is kept as replaced)',
  })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 403, 404, 409)
  replace(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SubmitBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.replace(id, body, me);
  }

  @Post('bids/:id/withdraw')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({ summary: 'Withdraw your live bid before the deadline' })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 404, 409)
  withdraw(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.withdraw(id, me);
  }

  @Post('bids/:id/qualify')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Mark a bid qualified (reasons needed if the pre-check found it short)',
  })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 404, 409)
  qualify(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: QualifyBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.qualify(id, 'qualified', body, me);
  }

  @Post('bids/:id/disqualify')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Mark a bid disqualified, with reasons' })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 404, 409)
  disqualify(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: QualifyBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.qualify(id, 'disqualified', body, me);
  }

  @Post('bids/:id/scores')
  @Roles('evaluator')
  @ApiOperation({
    summary: 'Submit your scores for a qualified bid (0–100 per non-price criterion), locked after',
  })
  @ApiCreatedResponse({ type: BidScoresDto })
  @ApiErrors(400, 403, 404, 409)
  score(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SubmitScoresDto,
    @CurrentUser() me: Principal,
  ): Promise<BidScoresDto> {
    return this.evaluation.submitScores(id, body, me);
  }

  @Get('bids/:id/scores')
  @Roles('civil_affairs', 'evaluator')
  @ApiOperation({ summary: 'The panel’s scores: your own, everyone’s once all are submitted' })
  @ApiOkResponse({ type: BidScoresDto })
  @ApiErrors(400, 403, 404)
  scores(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<BidScoresDto> {
    return this.evaluation.scores(id, me);
  }

  @Post('bids/:id/moderations')
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Moderate a criterion whose scores spread over 40 points (comment, optional value)',
  })
  @ApiCreatedResponse({ type: RankingDto })
  @ApiErrors(400, 404, 409)
  moderate(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ModerateDto,
    @CurrentUser() me: Principal,
  ): Promise<RankingDto> {
    return this.evaluation.moderate(id, body, me);
  }

  @Post('bids/:id/price-justification')
  @HttpCode(200)
  @Roles('civil_affairs', 'provider')
  @ApiOperation({
    summary: 'Record the justification of an abnormally low price (needed before award)',
  })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 404, 409)
  justifyPrice(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: PriceJustificationDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.evaluation.justifyPrice(id, body.note, me);
  }

  @Post('procurement/awards/:id/accept')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({ summary: 'The winner accepts the award before its deadline' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  accept(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.evaluation.respond(id, 'accepted', null, me);
  }

  @Post('procurement/awards/:id/lapse')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Lapse an award left unanswered past its deadline (as a decline: the next bid may be awarded)',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  lapse(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.evaluation.lapse(id, me);
  }

  @Post('procurement/awards/:id/decline')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({
    summary: 'The winner declines before its deadline: the next-ranked bid may be awarded',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  decline(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReasonDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.evaluation.respond(id, 'declined', body.reason, me);
  }
}
