import { Controller, Get, Param, Query } from '@nestjs/common';
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
import { MatchQueryDto, NeedMatchesDto, ProposalDto } from './dto/match.dto';
import { MatchesService } from './matches.service';

@ApiTags('matching')
@ApiProtected()
@Controller()
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get('matches')
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Match proposals in your area, emergency and oldest first' })
  @ApiPageResponse(ProposalDto)
  @ApiErrors(400)
  list(
    @Query() query: MatchQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<ProposalDto>> {
    return this.matches.list(query, principal);
  }

  @Get('matches/:id')
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'One proposal with its explanation' })
  @ApiOkResponse({ type: ProposalDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<ProposalDto> {
    return this.matches.get(id, principal);
  }

  @Get('households/:id/matches')
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({
    summary: "A household's needs with their proposals and every excluded candidate, with reasons",
  })
  @ApiOkResponse({ type: [NeedMatchesDto] })
  @ApiErrors(400, 404)
  forHousehold(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<NeedMatchesDto[]> {
    return this.matches.forHousehold(id, principal);
  }
}
