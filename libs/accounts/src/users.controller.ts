import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
} from '@onedoor/platform';
import { SetPasswordTokenDto } from './dto/auth.dto';
import {
  CreatedUserDto,
  CreateUserDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UserQueryDto,
} from './dto/users.dto';
import { UsersService } from './users.service';
import { UserStatusService } from './user-status.service';

/**
 * User administration. Who may manage whom is the permission table (`ACCOUNT_RULES`): admin
 * everyone, civil-affairs staff the staff, assessors and evaluators of their area subtree, an
 * organization admin their organization's users. Accounts outside one's reach answer 404.
 */
@ApiTags('users')
@ApiProtected()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly status: UserStatusService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an account (no password: the answer carries a one-time set-password token)',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiErrors(400, 409)
  create(@Body() body: CreateUserDto, @CurrentUser() actor: Principal): Promise<CreatedUserDto> {
    return this.users.create(body, actor);
  }

  @Get()
  @ApiOperation({ summary: 'The accounts you may manage, searched and paged' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(400)
  list(@Query() query: UserQueryDto, @CurrentUser() actor: Principal): Promise<Page<UserDto>> {
    return this.users.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() actor: Principal): Promise<UserDto> {
    return this.users.get(id, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Edit an account; a change of role, area, organization or admin flag ends its sessions',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: Principal,
  ): Promise<UserDto> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account: its sessions end at once' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409)
  deactivate(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() actor: Principal,
  ): Promise<UserDto> {
    return this.status.deactivate(id, actor);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate an account' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  reactivate(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() actor: Principal,
  ): Promise<UserDto> {
    return this.status.reactivate(id, actor);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reset the password: the old one stops working, sessions end, a one-time set-password token (24 h) is answered once',
  })
  @ApiOkResponse({ type: SetPasswordTokenDto })
  @ApiErrors(400, 404)
  resetPassword(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() actor: Principal,
  ): Promise<SetPasswordTokenDto> {
    return this.status.resetPassword(id, actor);
  }
}
