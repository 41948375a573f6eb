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
import { DonationsService } from './donations.service';
import {
  CancelDonationDto,
  DonationDto,
  DonationQueryDto,
  PledgeDonationDto,
  ReceiveDonationDto,
} from './dto/donation.dto';

const donationNotFound = {
  status: 404,
  code: 'DONATION_NOT_FOUND' as const,
  message: 'Donation not found',
  description: 'No such donation, or not one the caller may see',
};
const notPledged = {
  status: 409,
  code: 'DONATION_NOT_PLEDGED' as const,
  message: 'The donation is no longer a pledge',
  description:
    'Received or cancelled already (DONATION_NOT_PLEDGED), or its fund is closed (RELIEF_FUND_CLOSED)',
};

@ApiTags('relief funds')
@ApiProtected()
@Controller()
export class DonationsController {
  constructor(private readonly donations: DonationsService) {}

  @Post('relief-funds/:id/donations')
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Record a pledge (认捐) into a donation fund; a restricted donation only into a fund its restriction holds for',
  })
  @ApiCreatedResponse({ type: DonationDto })
  @ApiErrors(
    400,
    {
      status: 404,
      code: 'RELIEF_FUND_NOT_FOUND',
      message: 'Relief fund not found',
      description: 'No such fund, or not one the caller may see',
    },
    {
      status: 409,
      code: 'RELIEF_FUND_NOT_DONATION_FUND',
      message: 'Donations go into a donation fund, not a reserve fund',
      description:
        'A reserve fund (RELIEF_FUND_NOT_DONATION_FUND) or a closed one (RELIEF_FUND_CLOSED)',
    },
  )
  pledge(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: PledgeDonationDto,
    @CurrentUser() principal: Principal,
  ): Promise<DonationDto> {
    return this.donations.pledge(id, body, principal);
  }

  @Get('relief-funds/:id/donations')
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'The fund’s donations, newest pledge first' })
  @ApiPageResponse(DonationDto)
  @ApiErrors(400, {
    status: 404,
    code: 'RELIEF_FUND_NOT_FOUND',
    message: 'Relief fund not found',
    description: 'No such fund, or not one the caller may see',
  })
  list(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: DonationQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<DonationDto>> {
    return this.donations.listByFund(id, query, principal);
  }

  @Get('donations/:id')
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'One donation (the donor’s phone masked)' })
  @ApiOkResponse({ type: DonationDto })
  @ApiErrors(400, donationNotFound)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() principal: Principal) {
    return this.donations.get(id, principal);
  }

  @Post('donations/:id/receive')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'The money arrived (到账): the pledge becomes received and the fund is credited in one transaction, once',
  })
  @ApiOkResponse({ type: DonationDto })
  @ApiErrors(400, donationNotFound, notPledged)
  receive(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReceiveDonationDto,
    @CurrentUser() principal: Principal,
  ): Promise<DonationDto> {
    return this.donations.receive(id, body, principal);
  }

  @Post('donations/:id/cancel')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'The pledge will not arrive: cancelled with a reason' })
  @ApiOkResponse({ type: DonationDto })
  @ApiErrors(400, donationNotFound, notPledged)
  cancel(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CancelDonationDto,
    @CurrentUser() principal: Principal,
  ): Promise<DonationDto> {
    return this.donations.cancel(id, body, principal);
  }
}
