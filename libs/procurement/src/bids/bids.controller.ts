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
import { BidsService } from './bids.service';
import { BidDetailDto, BidListDto, QualifyBidDto, SubmitBidDto } from './dto/bid.dto';

@ApiTags('procurement')
@ApiProtected()
@Controller()
export class BidsController {
  constructor(private readonly bids: BidsService) {}

  @Get('procurement/projects/:id/bids')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'Bids: sealed until bidding closes (the count for all, its own bids for the bidder); then the bids for staff, panel and bidders',
  })
  @ApiOkResponse({ type: BidListDto })
  @ApiErrors(400, 403, 404)
  listBids(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<BidListDto> {
    return this.bids.list(id, me);
  }

  @Post('procurement/projects/:id/bids')
  @Roles('provider')
  @ApiOperation({
    summary: 'Bid (verified social-work organizations; one live bid each; price within the budget)',
  })
  @ApiCreatedResponse({ type: BidDetailDto })
  @ApiErrors(400, 403, 404, 409)
  submitBid(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SubmitBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.submit(id, body, me);
  }

  @Get('bids/:id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({ summary: 'One bid with its pre-check and history (sealed until bidding closes)' })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 403, 404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() me: Principal): Promise<BidDetailDto> {
    return this.bids.get(id, me);
  }

  @Put('bids/:id')
  @Roles('provider')
  @ApiOperation({
    summary: 'Replace your live bid before the deadline (the old one is kept as replaced)',
  })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 403, 404, 409)
  replace(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SubmitBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.replace(id, body, me);
  }

  @Post('bids/:id/withdraw')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({ summary: 'Withdraw your live bid before the deadline' })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 404, 409)
  withdraw(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.withdraw(id, me);
  }

  @Post('bids/:id/qualify')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Mark a bid qualified (reasons needed if the pre-check found it short)',
  })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 404, 409)
  qualify(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: QualifyBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.qualify(id, 'qualified', body, me);
  }

  @Post('bids/:id/disqualify')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Mark a bid disqualified, with reasons' })
  @ApiOkResponse({ type: BidDetailDto })
  @ApiErrors(400, 404, 409)
  disqualify(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: QualifyBidDto,
    @CurrentUser() me: Principal,
  ): Promise<BidDetailDto> {
    return this.bids.qualify(id, 'disqualified', body, me);
  }
}
