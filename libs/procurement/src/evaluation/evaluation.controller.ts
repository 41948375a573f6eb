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
import { BidDetailDto } from '../bids/dto/bid.dto';
import { ProjectDetailDto } from '../tenders/dto/project.dto';
import { DeclarationDto, DeclarationsDto, PanelDto } from './dto/panel.dto';
import { RankingDto } from './dto/ranking.dto';
import { BidScoresDto, ModerateDto, PriceJustificationDto, SubmitScoresDto } from './dto/score.dto';
import { ModerationService } from './moderation.service';
import { PanelService } from './panel.service';
import { RankingService } from './ranking.service';
import { ScoringService } from './scoring.service';

@ApiTags('procurement')
@ApiProtected()
@Controller()
export class EvaluationController {
  constructor(
    private readonly panels: PanelService,
    private readonly scoring: ScoringService,
    private readonly moderation: ModerationService,
    private readonly rankings: RankingService,
  ) {}

  @Put('procurement/projects/:id/panel')
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
    return this.panels.setPanel(id, body.evaluatorIds, me);
  }

  @Post('procurement/projects/:id/declarations')
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
    return this.panels.declare(id, body.declarations, me);
  }

  @Get('procurement/projects/:id/declarations')
  @Roles('civil_affairs', 'evaluator')
  @ApiOperation({
    summary: 'Declarations on this project: an evaluator’s own; staff in scope see the panel’s',
  })
  @ApiOkResponse({ type: [DeclarationDto] })
  @ApiErrors(400, 403, 404)
  declarations(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<DeclarationDto[]> {
    return this.panels.declarationsOf(id, me);
  }

  @Get('procurement/projects/:id/ranking')
  @Roles('civil_affairs', 'evaluator')
  @ApiOperation({
    summary:
      'The ranking with its breakdown per bid and criterion (after close; evaluators once every score is in)',
  })
  @ApiOkResponse({ type: RankingDto })
  @ApiErrors(400, 403, 404, 409)
  ranking(@Param('id', ParseIdPipe) id: string, @CurrentUser() me: Principal): Promise<RankingDto> {
    return this.rankings.ranking(id, me);
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
    return this.scoring.submitScores(id, body, me);
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
    return this.scoring.scores(id, me);
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
    return this.moderation.moderate(id, body, me);
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
    return this.moderation.justifyPrice(id, body.note, me);
  }
}
