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
import { AssistanceEntriesService } from './assistance-entries.service';
import {
  AssistanceEntryDto,
  AssistanceEntryQueryDto,
  HouseholdAssistanceDto,
  RecordAssistanceEntryDto,
  VoidAssistanceEntryDto,
} from './dto/assistance-entry.dto';

const entryNotFound = {
  status: 404,
  code: 'ASSISTANCE_ENTRY_NOT_FOUND' as const,
  message: 'Assistance entry not found',
  description: 'No such entry, or not one the caller may see',
};

@ApiTags('assistance ledger')
@ApiProtected()
@Controller()
export class AssistanceEntriesController {
  constructor(private readonly entries: AssistanceEntriesService) {}

  @Post('assistance-entries')
  @Roles('provider', 'civil_affairs')
  @ApiOperation({
    summary:
      'Record a benefit given outside OneDoor, for a household by id or by a member’s identity number. ' +
      'A provider’s user grants as its organization, for households within its home area; ' +
      'civil-affairs staff (in scope) name the granting organization',
  })
  @ApiCreatedResponse({ type: AssistanceEntryDto })
  @ApiErrors(400, {
    status: 404,
    code: 'ASSISTANCE_PERSON_NOT_FOUND',
    message: 'No household within your reach lists this identity number',
    description:
      'The household, or the identity number, is unknown or outside the caller’s reach ' +
      '(ASSISTANCE_HOUSEHOLD_NOT_FOUND / ASSISTANCE_PERSON_NOT_FOUND)',
  })
  record(
    @Body() body: RecordAssistanceEntryDto,
    @CurrentUser() principal: Principal,
  ): Promise<AssistanceEntryDto> {
    return this.entries.record(body, principal);
  }

  @Post('assistance-entries/:id/void')
  @HttpCode(200)
  @Roles('provider', 'civil_affairs')
  @ApiOperation({
    summary:
      'Void an entry recorded in error (it stays in the history, marked): the recording organization’s users or staff in scope',
  })
  @ApiOkResponse({ type: AssistanceEntryDto })
  @ApiErrors(400, entryNotFound, {
    status: 409,
    code: 'ASSISTANCE_ENTRY_VOIDED',
    message: 'The entry is voided already',
    description:
      'Voided already (ASSISTANCE_ENTRY_VOIDED), or a referral’s delivery (ASSISTANCE_ENTRY_NOT_VOIDABLE)',
  })
  void(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: VoidAssistanceEntryDto,
    @CurrentUser() principal: Principal,
  ): Promise<AssistanceEntryDto> {
    return this.entries.void(id, body, principal);
  }

  @Get('assistance-entries')
  @Roles('provider', 'civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'Ledger entries, newest period first: a provider’s users see their organization’s, staff those of their area',
  })
  @ApiPageResponse(AssistanceEntryDto)
  @ApiErrors(400)
  list(
    @Query() query: AssistanceEntryQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<AssistanceEntryDto>> {
    return this.entries.list(query, principal);
  }

  @Get('assistance-entries/:id')
  @Roles('provider', 'civil_affairs', 'assessor')
  @ApiOperation({ summary: 'One ledger entry' })
  @ApiOkResponse({ type: AssistanceEntryDto })
  @ApiErrors(400, entryNotFound)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<AssistanceEntryDto> {
    return this.entries.get(id, principal);
  }

  @Get('households/:id/assistance')
  @Roles('provider', 'civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'The household’s assistance history, newest first: ledger entries from every source (voided ones marked) ' +
      'and OneDoor referrals approved and not yet delivered. A provider within reach sees its organization’s only',
  })
  @ApiOkResponse({ type: HouseholdAssistanceDto })
  @ApiErrors(400, {
    status: 404,
    code: 'ASSISTANCE_HOUSEHOLD_NOT_FOUND',
    message: 'Household not found',
    description: 'No such household, or outside the caller’s scope or reach',
  })
  history(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<HouseholdAssistanceDto> {
    return this.entries.history(id, principal);
  }
}
