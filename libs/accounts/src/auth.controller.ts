import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  Public,
  ROLES,
  Roles,
} from '@onedoor/platform';
import {
  ChangePasswordDto,
  LoginDto,
  LoginEventDto,
  LoginEventPageDto,
  LoginEventQueryDto,
  MeDto,
  RefreshDto,
  SessionDto,
  SetPasswordDto,
  TokenDto,
} from './dto/auth.dto';
import { LoginEventsService } from './login-events.service';
import { PasswordsService } from './passwords.service';
import { clearRefreshCookie, clientInfo, refreshTokenOf, setRefreshCookie } from './refresh-cookie';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

@ApiTags('auth')
// Every role, the reporter included: the caller's own account and inbox (AuthGuard lets a
// reporter through only routes that name it).
@Roles(...ROLES)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly users: UsersService,
    private readonly events: LoginEventsService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange username and password for an access token and a refresh token',
    description:
      'The refresh token is also set as the httpOnly cookie `onedoor_refresh` (Path /api/auth).',
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiErrors(
    400,
    { status: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid username or password' },
    {
      status: 429,
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      message: 'Too many failed logins; try again in 60 seconds',
      details: { retryAfterSeconds: 60 },
    },
  )
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenDto> {
    const tokens = await this.sessions.login(body.username, body.password, clientInfo(request));
    setRefreshCookie(request, reply, tokens.refreshToken, new Date(tokens.refreshExpiresAt));
    return tokens;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new access token and refresh token for a refresh token (each is single-use)',
    description:
      'The refresh token comes in the body or the `onedoor_refresh` cookie. A refresh token used twice ends its session.',
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiErrors(400, 401)
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenDto> {
    const tokens = await this.sessions.refresh(
      refreshTokenOf(request, body.refreshToken),
      clientInfo(request),
    );
    setRefreshCookie(request, reply, tokens.refreshToken, new Date(tokens.refreshExpiresAt));
    return tokens;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiProtected()
  @ApiOperation({ summary: 'End this session (its access and refresh tokens stop working)' })
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.logout(principal, clientInfo(request));
    clearRefreshCookie(request, reply);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiProtected()
  @ApiOperation({ summary: 'End every session of the caller, on every device' })
  @ApiNoContentResponse()
  async logoutAll(
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.logoutEverywhere(principal, clientInfo(request));
    clearRefreshCookie(request, reply);
  }

  @Get('sessions')
  @ApiProtected()
  @ApiOperation({ summary: "The caller's open sessions" })
  @ApiOkResponse({ type: [SessionDto] })
  sessionsOf(@CurrentUser() principal: Principal): Promise<SessionDto[]> {
    return this.sessions.list(principal);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiProtected()
  @ApiOperation({ summary: 'End one of the caller’s sessions' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async revoke(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.sessions.revoke(principal, id, clientInfo(request));
  }

  @Get('login-events')
  @ApiProtected()
  @ApiOperation({
    summary: 'The login record: logins, refreshes, logouts, password changes and resets',
    description:
      'Admin sees all; civil-affairs staff their own and that of users in their area subtree; anyone else their own.',
  })
  @ApiOkResponse({ type: LoginEventPageDto })
  @ApiErrors(400)
  loginEvents(
    @Query() query: LoginEventQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<LoginEventDto>> {
    return this.events.list({ userId: query.userId }, query, principal);
  }

  @Post('password')
  @HttpCode(204)
  @ApiProtected()
  @ApiOperation({ summary: 'Change your own password (the current one is required)' })
  @ApiNoContentResponse()
  @ApiErrors(400)
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.passwords.change(
      principal,
      body.currentPassword,
      body.newPassword,
      clientInfo(request),
    );
  }

  @Post('set-password')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a password with a one-time set-password token (no login)',
    description: 'A used, replaced or expired token answers 410 SET_PASSWORD_TOKEN_GONE.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, {
    status: 410,
    code: 'SET_PASSWORD_TOKEN_GONE',
    message: 'This set-password link was used, replaced or has expired',
  })
  async setPassword(@Body() body: SetPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.passwords.setWithToken(body.token, body.password, clientInfo(request));
  }

  @Get('me')
  @ApiProtected()
  @ApiOperation({ summary: 'The authenticated user' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() principal: Principal): Promise<MeDto> {
    return this.users.me(principal);
  }
}
