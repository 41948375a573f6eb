import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  ApiErrors,
  ApiProtected,
  clientAddress,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  Public,
  Roles,
} from '@onedoor/platform';
import {
  ApprovedProviderApplicationDto,
  ApproveProviderApplicationDto,
  CreateProviderApplicationDto,
  ProviderApplicationDto,
  ProviderApplicationPageDto,
  ProviderApplicationQueryDto,
  ProviderApplicationReceiptDto,
  RejectProviderApplicationDto,
} from '../dto/provider-applications.dto';
import { APPLICATIONS_PER_ADDRESS_PER_HOUR } from './application-throttle.service';
import { ProviderApplicationsService } from './provider-applications.service';

/**
 * Organizations apply to join without an account; civil-affairs staff of the home area (its
 * subtree contains the application's home area) or admin review. Applications outside the
 * reviewer's scope answer 404, like missing ones.
 */
@ApiTags('provider-applications')
@Controller('provider-applications')
export class ProviderApplicationsController {
  constructor(private readonly applications: ProviderApplicationsService) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: 'Apply to join as a provider organization (no login)',
    description: `Throttled: ${APPLICATIONS_PER_ADDRESS_PER_HOUR} applications per client address per hour (429 with Retry-After).`,
  })
  @ApiCreatedResponse({ type: ProviderApplicationReceiptDto })
  @ApiErrors(
    400,
    {
      status: 409,
      code: 'PROVIDER_APPLICATION_DUPLICATE',
      message: 'An application for code 91350100M000100Y43 is already pending',
    },
    {
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many applications from this address; try again in 3600 seconds',
      details: { retryAfterSeconds: 3600 },
    },
  )
  apply(
    @Body() body: CreateProviderApplicationDto,
    @Req() request: FastifyRequest,
  ): Promise<ProviderApplicationReceiptDto> {
    return this.applications.apply(body, clientAddress(request));
  }

  @Get()
  @ApiProtected()
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Applications of organizations at home in your area, paged' })
  @ApiOkResponse({ type: ProviderApplicationPageDto })
  @ApiErrors(400)
  list(
    @Query() query: ProviderApplicationQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<Page<ProviderApplicationDto>> {
    return this.applications.list(query, actor);
  }

  @Get(':id')
  @ApiProtected()
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'One application, contact details unmasked' })
  @ApiOkResponse({ type: ProviderApplicationDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() actor: Principal,
  ): Promise<ProviderApplicationDto> {
    return this.applications.get(id, actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiProtected()
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Approve: creates the provider (verified) and its first user, organization admin; answers their one-time set-password token once',
  })
  @ApiOkResponse({ type: ApprovedProviderApplicationDto })
  @ApiErrors(400, 404, {
    status: 409,
    code: 'PROVIDER_APPLICATION_DECIDED',
    message: 'The application was already approved',
  })
  approve(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ApproveProviderApplicationDto,
    @CurrentUser() actor: Principal,
  ): Promise<ApprovedProviderApplicationDto> {
    return this.applications.approve(id, body, actor);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiProtected()
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Reject, with a reason' })
  @ApiOkResponse({ type: ProviderApplicationDto })
  @ApiErrors(400, 404, {
    status: 409,
    code: 'PROVIDER_APPLICATION_DECIDED',
    message: 'The application was already rejected',
  })
  reject(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RejectProviderApplicationDto,
    @CurrentUser() actor: Principal,
  ): Promise<ProviderApplicationDto> {
    return this.applications.reject(id, body, actor);
  }
}
