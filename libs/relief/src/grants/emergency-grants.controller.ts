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
import { GrantsService } from './grants.service';
import {
  ApproveGrantDto,
  CancelGrantDto,
  EmergencyGrantDto,
  GrantFundDto,
  GrantFundsQueryDto,
  GrantQueryDto,
  PayGrantDto,
  RejectGrantDto,
  RequestGrantDto,
} from './dto/emergency-grant.dto';

const grantNotFound = {
  status: 404,
  code: 'GRANT_NOT_FOUND' as const,
  message: 'Emergency grant not found',
  description: 'No such grant, or not one the caller may see',
};
const wrongState = {
  status: 409,
  code: 'GRANT_STATE_CONFLICT' as const,
  message: 'The grant is approved, not requested',
  description: 'The grant is not in the state the action needs',
};

@ApiTags('emergency relief')
@ApiProtected()
@Controller('emergency-grants')
export class EmergencyGrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'Request an emergency grant for a household in scope, from an active fund whose area contains it; ' +
      'decided within RELIEF_GRANT_DECISION_HOURS (default 4) or escalated',
  })
  @ApiCreatedResponse({ type: EmergencyGrantDto })
  @ApiErrors(
    400,
    {
      status: 404,
      code: 'HOUSEHOLD_NOT_FOUND',
      message: 'Household not found',
      description:
        'The household is outside the caller’s scope (HOUSEHOLD_NOT_FOUND), or the fund does not cover it (RELIEF_FUND_NOT_FOUND)',
    },
    {
      status: 409,
      code: 'FUND_INACTIVE',
      message: 'The fund is closed',
      description: 'The fund is closed (FUND_INACTIVE) or its period has ended (FUND_PERIOD_ENDED)',
    },
  )
  async request(
    @Body() body: RequestGrantDto,
    @CurrentUser() principal: Principal,
  ): Promise<EmergencyGrantDto> {
    return this.grants.get(await this.grants.request(principal, body), principal);
  }

  @Get()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'Grants in the caller’s area, requested ones first by deadline' })
  @ApiPageResponse(EmergencyGrantDto)
  @ApiErrors(400)
  list(
    @Query() query: GrantQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<EmergencyGrantDto>> {
    return this.grants.list(query, principal);
  }

  @Get('funds')
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'The active funds that may pay a grant for the household (its own area’s and those above), with their balances',
  })
  @ApiOkResponse({ type: GrantFundDto, isArray: true })
  @ApiErrors(400, {
    status: 404,
    code: 'HOUSEHOLD_NOT_FOUND',
    message: 'Household not found',
    description: 'No such household in the caller’s scope',
  })
  funds(
    @Query() query: GrantFundsQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<GrantFundDto[]> {
    return this.grants.fundsFor(query, principal);
  }

  @Get(':id')
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'One grant, with its fund’s name and balance, the caller’s delegated limit and whether they may approve it',
  })
  @ApiOkResponse({ type: EmergencyGrantDto })
  @ApiErrors(400, grantNotFound)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<EmergencyGrantDto> {
    return this.grants.get(id, principal);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Approve, for the amount (and from the fund) the officer decides: within their delegated limit and the ' +
      'stacking rules, debited from the fund in the same transaction (never below zero)',
  })
  @ApiOkResponse({ type: EmergencyGrantDto })
  @ApiErrors(
    400,
    {
      status: 403,
      code: 'GRANT_ABOVE_LIMIT',
      message:
        '¥6,000.00 is above your delegated limit of ¥5,000.00: the level above can approve it',
      description:
        'Above the approver’s delegated limit (GRANT_ABOVE_LIMIT), or not a decider (FORBIDDEN)',
    },
    grantNotFound,
    {
      status: 409,
      code: 'FUND_INSUFFICIENT',
      message: 'The fund has ¥0.00 left, less than ¥500.00',
      description:
        'The fund cannot pay it (FUND_INSUFFICIENT), is closed (FUND_INACTIVE) or past its period ' +
        '(FUND_PERIOD_ENDED), the stacking rules refuse it ' +
        '(STACKING_CONFLICT), or the grant is not requested (GRANT_STATE_CONFLICT); nothing is written',
    },
  )
  approve(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ApproveGrantDto,
    @CurrentUser() principal: Principal,
  ): Promise<EmergencyGrantDto> {
    return this.grants.approve(id, body, principal);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Reject a requested grant, with the reason' })
  @ApiOkResponse({ type: EmergencyGrantDto })
  @ApiErrors(400, grantNotFound, wrongState)
  reject(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RejectGrantDto,
    @CurrentUser() principal: Principal,
  ): Promise<EmergencyGrantDto> {
    return this.grants.reject(id, body, principal);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Confirm an approved grant was handed over: it enters the household’s assistance ledger (source grant)',
  })
  @ApiOkResponse({ type: EmergencyGrantDto })
  @ApiErrors(400, grantNotFound, wrongState)
  pay(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: PayGrantDto,
    @CurrentUser() principal: Principal,
  ): Promise<EmergencyGrantDto> {
    return this.grants.pay(id, body, principal);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Cancel an approved, unpaid grant (approved by mistake, or it cannot be paid), with the reason: it ' +
      'becomes rejected and the fund is credited back what the approval debited, in the same transaction',
  })
  @ApiOkResponse({ type: EmergencyGrantDto })
  @ApiErrors(400, grantNotFound, {
    ...wrongState,
    message: 'The grant is paid, not approved',
    description:
      'The grant is not approved (a requested one is rejected instead; a paid one is in the ledger)',
  })
  cancel(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CancelGrantDto,
    @CurrentUser() principal: Principal,
  ): Promise<EmergencyGrantDto> {
    return this.grants.cancel(id, body, principal);
  }
}
