import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { ProjectDetailDto, ReasonDto } from '../tenders/dto/project.dto';
import { AwardsService } from './awards.service';
import { AwardDto, AwardProjectDto } from './dto/award.dto';

@ApiTags('procurement')
@ApiProtected()
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Post('procurement/projects/:id/award')
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
    return this.awards.award(id, body, me);
  }

  @Get('procurement/awards/:id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary: 'One award (with its project), for whoever may see the project; else 404',
  })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() me: Principal): Promise<AwardDto> {
    return this.awards.get(id, me);
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
    return this.awards.respond(id, 'accepted', null, me);
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
    return this.awards.lapse(id, me);
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
    return this.awards.respond(id, 'declined', body.reason, me);
  }
}
