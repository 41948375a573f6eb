import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { AdviserCandidateDto } from '@onedoor/households';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { HouseholdMoveDto, MoveAdvisersQueryDto, MoveHouseholdDto } from './dto/move.dto';
import { MovesService } from './moves.service';

@ApiTags('households')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('households/:id')
export class MovesController {
  constructor(private readonly moves: MovesService) {}

  @Get('moves')
  @ApiOperation({ summary: "The household's moves between communities, newest first" })
  @ApiOkResponse({ type: [HouseholdMoveDto] })
  @ApiErrors(400, 404)
  list(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<HouseholdMoveDto[]> {
    return this.moves.list(id, principal);
  }

  @Get('move-advisers')
  @ApiOperation({
    summary:
      'Who may take the case after a move to that community: active assessors whose area covers it (empty for a community outside your area)',
  })
  @ApiOkResponse({ type: [AdviserCandidateDto] })
  @ApiErrors(400, 404)
  adviserCandidates(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MoveAdvisersQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdviserCandidateDto[]> {
    return this.moves.adviserCandidates(id, query.communityId, principal);
  }

  @Post('move')
  @ApiOperation({
    summary:
      "Move the household to another community (your area must cover both): its case goes to the adviser given (else unassigned, the new community's assessors told), proposals of resources not covering the new community are superseded, live referrals are kept and their providers told, and the household is matched again",
  })
  @ApiCreatedResponse({ type: HouseholdMoveDto })
  @ApiErrors(400, 403, 404, {
    status: 422,
    code: 'MOVE_SAME_COMMUNITY',
    message: 'The household already lives there',
    description:
      'The household already lives there (MOVE_SAME_COMMUNITY), or the adviser is not an active assessor of the new community (CASE_ADVISER_INVALID)',
  })
  move(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: MoveHouseholdDto,
    @CurrentUser() actor: Principal,
  ): Promise<HouseholdMoveDto> {
    return this.moves.move(id, dto, actor);
  }
}
