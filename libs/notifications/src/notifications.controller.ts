import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  type Page,
  PageQueryDto,
  type Principal,
  principalOf,
  Public,
  UsersRepository,
  ROLES,
  Roles,
} from '@onedoor/platform';
import {
  NotificationDto,
  NotificationPageDto,
  NotificationPreferenceDto,
  NotificationPreferencesDto,
  ReadAllResultDto,
  StreamQueryDto,
  UnreadCountDto,
} from './dto/notifications.dto';
import { NotificationsService, REPLAY_LIMIT } from './inbox/notifications.service';
import { HEARTBEAT_MS, NotificationStreamHub } from './stream/notification-stream.hub';

/** The caller's own inbox, its live stream and preferences: nobody sees another's notices. */
@ApiTags('notifications')
// Every role, the reporter included: the caller's own account and inbox (AuthGuard lets a
// reporter through only routes that name it).
@Roles(...ROLES)
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly hub: NotificationStreamHub,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  @ApiProtected()
  @ApiOperation({ summary: 'Your notifications: unread first, then newest; paged' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors(400)
  list(@Query() query: PageQueryDto, @CurrentUser() me: Principal): Promise<Page<NotificationDto>> {
    return this.notifications.list(me.userId, query);
  }

  @Get('unread-count')
  @ApiProtected()
  @ApiOperation({ summary: 'How many of your notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentUser() me: Principal): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(me.userId) };
  }

  @Get('stream')
  // Public to the guard only: the route authenticates itself (header or query token).
  @Public()
  @ApiProtected()
  @ApiOperation({
    summary: 'Live notifications (Server-Sent Events)',
    description:
      'Authenticate with the `Authorization: Bearer` header or, since a browser `EventSource` ' +
      'cannot set headers, with `?access_token=`. Each event is one notification as JSON ' +
      '(`data`), its `id` the notification id. Reconnecting with `Last-Event-ID` (EventSource ' +
      `does it) first replays your notifications with a greater id (at most ${REPLAY_LIMIT}), ` +
      `so nothing is lost while away. A comment line every ${HEARTBEAT_MS / 1000} s keeps ` +
      'the stream alive; the server ends streams when it shuts down (reconnect).',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this id' })
  @ApiOkResponse({ description: 'An event stream', content: { 'text/event-stream': {} } })
  @ApiErrors(400)
  async stream(
    @Query() query: StreamQueryDto,
    @Headers('authorization') authorization: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const [scheme, bearer] = (authorization ?? '').split(' ');
    const token = scheme?.toLowerCase() === 'bearer' ? bearer : query.access_token;
    // Throws 401 in the error body before anything is written.
    const principal = await principalOf(this.jwt, this.users, token);
    reply.hijack();
    const res = reply.raw;
    res.statusCode = 200;
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache, no-transform');
    // nginx and similar proxies would otherwise buffer the stream.
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();
    request.raw.socket.setKeepAlive(true);
    await this.hub.attach(principal.userId, res, lastEventId);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiProtected()
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: ReadAllResultDto })
  async readAll(@CurrentUser() me: Principal): Promise<ReadAllResultDto> {
    return { marked: await this.notifications.markAllRead(me.userId) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiProtected()
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors({ status: 404, code: 'NOTIFICATION_NOT_FOUND', message: 'No notification 1042' })
  markRead(@Param('id') id: string, @CurrentUser() me: Principal): Promise<NotificationDto> {
    return this.notifications.markRead(me.userId, id);
  }

  @Get('preferences')
  @ApiProtected()
  @ApiOperation({ summary: 'Your channels per event type (inbox, e-mail); all on by default' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  async preferences(@CurrentUser() me: Principal): Promise<NotificationPreferencesDto> {
    return { preferences: await this.notifications.preferences(me.userId) };
  }

  @Put('preferences')
  @ApiProtected()
  @ApiOperation({
    summary: 'Set your channels for the event types given (others unchanged)',
    description: 'An unknown event type is refused with 400.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiErrors(400)
  async setPreferences(
    @Body() body: NotificationPreferencesDto,
    @CurrentUser() me: Principal,
  ): Promise<NotificationPreferencesDto> {
    const preferences: NotificationPreferenceDto[] = await this.notifications.setPreferences(
      me.userId,
      body.preferences,
    );
    return { preferences };
  }
}
