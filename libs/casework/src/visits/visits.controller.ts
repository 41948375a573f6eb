import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
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
import {
  CorrectVisitNoteDto,
  DueVisitDto,
  DueVisitQueryDto,
  NoteReadDto,
  RecordVisitDto,
  VisitDto,
} from './dto/visit.dto';
import { VisitsService } from './visits.service';

const noteForbidden = {
  status: 403,
  code: 'CASE_VISIT_NOTE_FORBIDDEN' as const,
  message: '走访内容仅限个案顾问及督导填写，更正仅限记录人本人',
  description:
    'Not the case’s adviser or a supervisor (recording), or not the note’s author (correcting)',
};

@ApiTags('cases')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('cases/:id/visits')
  @ApiOperation({
    summary:
      'The case’s visits, newest first. Notes are shown to the adviser and supervisors only (each read recorded); others get `note: null, noteHidden: true`',
  })
  @ApiOkResponse({ type: [VisitDto] })
  @ApiErrors(400, 404)
  list(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<VisitDto[]> {
    return this.visits.list(id, principal);
  }

  @Post('cases/:id/visits')
  @ApiOperation({
    summary:
      'Record a visit made (its note stored encrypted). A home visit or phone call completes the case’s earliest visit due',
  })
  @ApiCreatedResponse({ type: VisitDto })
  @ApiErrors(
    400,
    404,
    noteForbidden,
    {
      status: 409,
      code: 'CASE_STATE_CONFLICT',
      message: 'Visits are recorded on an open case only',
      description: 'The case is closed',
    },
    {
      status: 422,
      code: 'CASE_VISIT_IN_FUTURE',
      message: '走访时间不能晚于当前时间',
      description: 'occurredAt is in the future',
    },
  )
  record(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RecordVisitDto,
    @CurrentUser() principal: Principal,
  ): Promise<VisitDto> {
    return this.visits.record(id, body, principal);
  }

  @Patch('cases/:id/visits/:visitId')
  @ApiOperation({
    summary: 'Correct a visit’s note: its author, within 7 days of recording (audited)',
  })
  @ApiOkResponse({ type: VisitDto })
  @ApiErrors(400, 404, noteForbidden, {
    status: 409,
    code: 'CASE_VISIT_CORRECTION_CLOSED',
    message: '走访内容只能在记录后 7 天内更正',
    description:
      'Past the 7 days (CASE_VISIT_CORRECTION_CLOSED), or the version sent is stale (STALE_VERSION)',
  })
  correct(
    @Param('id', ParseIdPipe) id: string,
    @Param('visitId', ParseIdPipe) visitId: string,
    @Body() body: CorrectVisitNoteDto,
    @CurrentUser() principal: Principal,
  ): Promise<VisitDto> {
    return this.visits.correct(id, visitId, body, principal);
  }

  @Get('cases/:id/note-reads')
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Who read which of the case’s notes, newest first (supervisors only)' })
  @ApiPageResponse(NoteReadDto)
  @ApiErrors(400, 404)
  noteReads(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<NoteReadDto>> {
    return this.visits.noteReads(id, query, principal);
  }

  @Get('visits/due')
  @ApiOperation({
    summary:
      'Visits due on open cases in your area, due first; `assignedTo=me`: your caseload’s (they follow the case’s adviser)',
  })
  @ApiPageResponse(DueVisitDto)
  @ApiErrors(400)
  due(
    @Query() query: DueVisitQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<DueVisitDto>> {
    return this.visits.due(query, principal);
  }
}
