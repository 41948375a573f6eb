import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import {
  AnswerSupervisionDto,
  CreateSupervisionDto,
  OpenSupervisionDto,
  OpenSupervisionQueryDto,
  ResolveSupervisionDto,
  SupervisionDto,
  SupervisionThreadDto,
} from './dto/supervision.dto';
import { SupervisionService } from './supervision.service';

/** One 409 per route (OpenAPI keys answers by status). */
const conflict = {
  status: 409,
  code: 'STALE_VERSION' as const,
  message: 'Supervision was changed since version 1 (now 2)',
  description:
    'The version sent is stale (STALE_VERSION), or the item is past this step (SUPERVISION_STATE_CONFLICT)',
};

@ApiTags('supervision')
@ApiProtected()
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('cases/:id/supervision')
  @Roles('civil_affairs', 'assessor', 'provider')
  @ApiOperation({
    summary:
      'The case’s supervision thread (comments, required actions, answers) and what you may do on it',
  })
  @ApiOkResponse({ type: SupervisionThreadDto })
  @ApiErrors(400, 404)
  thread(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<SupervisionThreadDto> {
    return this.supervision.thread(id, me);
  }

  @Post('cases/:id/supervision')
  @Roles('civil_affairs', 'provider')
  @ApiOperation({
    summary:
      'Post a comment or a required action (with a due date) on an open case: civil-affairs staff in scope, or the organization admin of a contracted adviser; a required action notifies the adviser',
  })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiErrors(400, 403, 404, {
    status: 409,
    code: 'CASE_STATE_CONFLICT',
    message: 'Only an open case is supervised',
    description: 'The case is closed',
  })
  post(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateSupervisionDto,
    @CurrentUser() me: Principal,
  ): Promise<SupervisionDto> {
    return this.supervision.post(id, body, me);
  }

  @Post('cases/:id/supervision/:sid/answer')
  @HttpCode(200)
  @Roles('assessor')
  @ApiOperation({
    summary:
      'The case’s adviser answers an open item (403 SUPERVISION_NOT_ADVISER for anyone else); the supervisor is notified',
  })
  @ApiOkResponse({ type: SupervisionDto })
  @ApiErrors(400, 403, 404, conflict)
  answer(
    @Param('id', ParseIdPipe) id: string,
    @Param('sid', ParseIdPipe) sid: string,
    @Body() body: AnswerSupervisionDto,
    @CurrentUser() me: Principal,
  ): Promise<SupervisionDto> {
    return this.supervision.answer(id, sid, body, me);
  }

  @Post('cases/:id/supervision/:sid/resolve')
  @HttpCode(200)
  @Roles('civil_affairs', 'provider')
  @ApiOperation({ summary: 'A supervisor of the case resolves an item (open or answered)' })
  @ApiOkResponse({ type: SupervisionDto })
  @ApiErrors(400, 403, 404, conflict)
  resolve(
    @Param('id', ParseIdPipe) id: string,
    @Param('sid', ParseIdPipe) sid: string,
    @Body() body: ResolveSupervisionDto,
    @CurrentUser() me: Principal,
  ): Promise<SupervisionDto> {
    return this.supervision.resolve(id, sid, body, me);
  }

  @Get('supervision/open')
  @Roles('assessor')
  @ApiOperation({
    summary: 'Your open required actions (on the open cases you advise), soonest due first',
  })
  @ApiPageResponse(OpenSupervisionDto)
  @ApiErrors(400)
  open(
    @Query() query: OpenSupervisionQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<Page<OpenSupervisionDto>> {
    return this.supervision.openForMe(query, me);
  }
}
