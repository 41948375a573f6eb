import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
  CreateProviderDto,
  ProviderDto,
  ProviderQueryDto,
  UpdateProviderDto,
  VerifyProviderDto,
} from './dto/provider.dto';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@ApiProtected()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @ApiOperation({
    summary: 'Providers whose home area overlaps your scope (provider users: their own)',
  })
  @ApiPageResponse(ProviderDto)
  @ApiErrors(400)
  list(
    @Query() query: ProviderQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<ProviderDto>> {
    return this.providers.list(query, principal);
  }

  @Post()
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Register a provider organization in your area (starts pending verification)',
  })
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiErrors(400, 409)
  create(
    @Body() body: CreateProviderDto,
    @CurrentUser() principal: Principal,
  ): Promise<ProviderDto> {
    return this.providers.create(body, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One provider' })
  @ApiOkResponse({ type: ProviderDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<ProviderDto> {
    return this.providers.get(id, principal);
  }

  @Patch(':id')
  @Roles('civil_affairs', 'provider')
  @ApiOperation({
    summary: "Edit a provider's name and contact details (optimistic locking on version)",
  })
  @ApiOkResponse({ type: ProviderDto })
  @ApiErrors(400, 404, 409)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateProviderDto,
    @CurrentUser() principal: Principal,
  ): Promise<ProviderDto> {
    return this.providers.update(id, body, principal);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Set verification (pending | verified | suspended) with a reason; staff of its area only',
  })
  @ApiOkResponse({ type: ProviderDto })
  @ApiErrors(400, 404, 409)
  verify(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: VerifyProviderDto,
    @CurrentUser() principal: Principal,
  ): Promise<ProviderDto> {
    return this.providers.verify(id, body, principal);
  }
}
