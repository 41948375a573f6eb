import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, ApiProtected } from '../http/api-docs.decorators';
import { clientAddress } from '../http/client-address';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './auth.decorators';
import { LoginDto, MeDto, TokenDto } from './dto/auth.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange username and password for a bearer token' })
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
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenDto> {
    return this.auth.login(body.username, body.password, clientAddress(request));
  }

  @Get('me')
  @ApiProtected()
  @ApiOperation({ summary: 'The authenticated user' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() principal: Principal): Promise<MeDto> {
    return this.auth.me(principal);
  }
}
