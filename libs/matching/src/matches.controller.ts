import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiListResponse,
  ApiProtected,
  CurrentUser,
  type ListPage,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { MatchQueryDto, NeedMatchesDto, ProposalDto } from './dto/match.dto';
import { ApprovalsService } from './approvals.service';
import { BulkApprovalsService } from './bulk-approvals.service';
import { ApprovalItemResultDto, BulkApprovalDto, NeedProposalsDto } from './dto/bulk-approval.dto';
import { MatchProposalsService } from './match-proposals.service';
import { ReferralContactService } from './referrals/referral-contact.service';
import {
  ApproveMatchDto,
  ContactAccessDto,
  ReferralDetailDto,
  RejectProposalDto,
} from './referrals/referral.dto';
import { ReferralsService } from './referrals/referrals.service';

@ApiTags('matching')
@ApiProtected()
@Controller()
export class MatchesController {
  constructor(
    private readonly matches: MatchProposalsService,
    private readonly approvals: ApprovalsService,
    private readonly referrals: ReferralsService,
    private readonly contacts: ReferralContactService,
    private readonly bulk: BulkApprovalsService,
  ) {}

  @Post('matches/:id/approve')
  @HttpCode(201)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Approve a proposal: reserves one unit atomically and opens a referral to the provider (409 RESOURCE_CAPACITY_EXHAUSTED when none is left; the proposal then expires)',
  })
  // 201: the approval creates a referral, and answers it.
  @ApiCreatedResponse({ type: ReferralDetailDto })
  @ApiErrors(400, 404, 409)
  async approve(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ApproveMatchDto,
    @CurrentUser() principal: Principal,
  ): Promise<ReferralDetailDto> {
    return this.referrals.get(await this.approvals.approve(id, principal, body.consent), principal);
  }

  @Post('matches/:id/reject')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Reject a proposal, with a reason' })
  @ApiOkResponse({ type: ProposalDto })
  @ApiErrors(400, 404, 409)
  async reject(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RejectProposalDto,
    @CurrentUser() principal: Principal,
  ): Promise<ProposalDto> {
    await this.approvals.reject(id, body.reason, principal);
    return this.matches.get(id, principal);
  }

  @Get('matches')
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'The approval queue: proposals in your area with the household named, filtered and sorted (default: emergency, then oldest first); pages by cursor unless `page` is given',
  })
  @ApiListResponse(ProposalDto)
  @ApiErrors(400)
  list(
    @Query() query: MatchQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<ListPage<ProposalDto>> {
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

  @Get('households/:id/contact-reads')
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      "Who opened the household's contact on a referral, and when (newest first, at most 500): admin and staff in scope",
  })
  @ApiOkResponse({ type: [ContactAccessDto] })
  @ApiErrors(400, 404)
  contactReads(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<ContactAccessDto[]> {
    return this.contacts.readsOf(id, principal);
  }

  @Get('households/:id/proposals')
  @Roles('civil_affairs')
  @ApiOperation({
    summary: "A household's open proposals grouped by need, to approve together (best first)",
  })
  @ApiOkResponse({ type: [NeedProposalsDto] })
  @ApiErrors(400, 404)
  proposalsOf(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<NeedProposalsDto[]> {
    return this.matches.openByNeed(id, principal);
  }

  @Post('households/:id/approvals')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      "Approve several of a household's proposals (one per need) in one request: each is an ordinary approval in its own transaction, with a result per item (approved with its referral, or refused with the code a single approval would answer); not all-or-nothing",
  })
  @ApiOkResponse({ type: [ApprovalItemResultDto] })
  @ApiErrors(400, 404)
  approveMany(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: BulkApprovalDto,
    @CurrentUser() principal: Principal,
  ): Promise<ApprovalItemResultDto[]> {
    return this.bulk.approve(id, body, principal);
  }
}
