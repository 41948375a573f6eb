import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  AssistanceLookupAnswerDto,
  AssistanceLookupDto,
  AssistanceLookupQueryDto,
  CreateAssistanceLookupDto,
} from './dto/assistance-lookup.dto';
import { AssistanceLookupsService } from './assistance-lookups.service';

@ApiTags('assistance-lookups')
@ApiProtected()
@Controller()
export class AssistanceLookupsController {
  constructor(private readonly lookups: AssistanceLookupsService) {}

  @Post('assistance-lookups')
  @HttpCode(200)
  @Roles('provider', 'civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'Ask, with a declared purpose, whether an identity number currently receives a category or holds a tier: yes or no with the period, nothing else (an unregistered number answers no). Logged; limited per user per minute and per day',
  })
  @ApiOkResponse({ type: AssistanceLookupAnswerDto })
  @ApiErrors(
    400,
    {
      status: 422,
      code: 'ASSISTANCE_LOOKUP_ID_NUMBER_INVALID',
      message: 'idNumber has a wrong check digit (GB 11643)',
      description: 'The identity number fails its check (the field error says how)',
    },
    {
      status: 429,
      code: 'ASSISTANCE_LOOKUP_RATE_LIMITED',
      message: 'Too many lookups; try again in 42 seconds',
      description: 'Over the per-minute or per-day limit (see `Retry-After`)',
    },
  )
  ask(
    @Body() body: CreateAssistanceLookupDto,
    @CurrentUser() principal: Principal,
  ): Promise<AssistanceLookupAnswerDto> {
    return this.lookups.ask(body, principal);
  }

  @Get('assistance-lookups')
  @Roles('provider', 'civil_affairs')
  @ApiOperation({
    summary:
      'The lookup log, newest first: staff see lookups about households in their area and those asked from it; provider users their organization’s',
  })
  @ApiPageResponse(AssistanceLookupDto)
  @ApiErrors(400)
  list(
    @Query() query: AssistanceLookupQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<AssistanceLookupDto>> {
    return this.lookups.list(query, principal);
  }

  @Get('households/:id/lookups')
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Who asked about this household, for which organization and purpose, when, the question and the answer (404 outside your area)',
  })
  @ApiPageResponse(AssistanceLookupDto)
  @ApiErrors(400, 404)
  ofHousehold(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<AssistanceLookupDto>> {
    return this.lookups.ofHousehold(id, query, principal);
  }
}
