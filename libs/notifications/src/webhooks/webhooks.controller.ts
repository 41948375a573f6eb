import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryQueryDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookTestResultDto,
} from './dto/webhooks.dto';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

@ApiTags('webhooks')
@ApiProtected()
@Roles('civil_affairs', 'provider')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveryService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Subscribe an organization (its org admins) or an area (civil-affairs staff) to events',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiErrors(400, 403)
  create(@Body() body: CreateWebhookDto, @CurrentUser() p: Principal): Promise<CreatedWebhookDto> {
    return this.subscriptions.create(body, p);
  }

  @Get()
  @ApiOperation({ summary: 'Webhook subscriptions you manage' })
  @ApiPageResponse(WebhookDto)
  @ApiErrors(400)
  list(@Query() query: PageQueryDto, @CurrentUser() p: Principal): Promise<Page<WebhookDto>> {
    return this.subscriptions.list(p, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook subscription' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() p: Principal): Promise<WebhookDto> {
    return this.subscriptions.get(id, p);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a subscription (re-activating resets its failure count)' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiErrors(400, 403, 404)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateWebhookDto,
    @CurrentUser() p: Principal,
  ): Promise<WebhookDto> {
    return this.subscriptions.update(id, body, p);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a subscription and its delivery log' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404)
  async remove(@Param('id', ParseIdPipe) id: string, @CurrentUser() p: Principal): Promise<void> {
    await this.subscriptions.remove(id, p);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: status, attempts, last error, next attempt' })
  @ApiPageResponse(WebhookDeliveryDto)
  @ApiErrors(400, 404)
  log(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: DeliveryQueryDto,
    @CurrentUser() p: Principal,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.subscriptions.deliveries(id, query, p);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a ping now and report what the receiver answered' })
  @ApiOkResponse({ type: WebhookTestResultDto })
  @ApiErrors(400, 404)
  async test(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() p: Principal,
  ): Promise<WebhookTestResultDto> {
    return this.deliveries.ping(await this.subscriptions.find(id, p));
  }
}
