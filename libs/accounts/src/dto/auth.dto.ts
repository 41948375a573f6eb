import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  EVALUATOR_TYPES,
  type EvaluatorType,
  PageMetaDto,
  PageQueryDto,
  ROLES,
  type Role,
} from '@onedoor/platform';
import {
  LOGIN_EVENT_KINDS,
  type LoginEventEntity,
  type LoginEventKind,
} from '../login-event.entity';
import type { UserSessionEntity } from '../user-session.entity';

export class LoginDto {
  @ApiProperty({ example: 'civil.district' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'onedoor-demo', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class TokenDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer …` (short-lived)' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Single-use token for POST /api/auth/refresh (also set as the httpOnly cookie onedoor_refresh); each refresh answers a new one',
  })
  refreshToken!: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends at the latest' })
  refreshExpiresAt!: string;

  @ApiProperty({ format: 'uuid', description: 'The login session (revocable)' })
  sessionId!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token; omit it when the onedoor_refresh cookie carries it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ format: 'password', description: 'At least 10 characters, hard to guess' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword!: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The one-time set-password token' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  token!: string;

  @ApiProperty({ format: 'password', description: 'At least 10 characters, hard to guess' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class SetPasswordTokenDto {
  @ApiProperty({ description: 'Shown once: give it to the user, who sets a password with it' })
  setPasswordToken!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  areaId!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  providerId!: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A contracted social-work worker: the organization they work for',
  })
  affiliationId!: string | null;

  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the account’s access ends (a contracted worker: their contract’s end)',
  })
  accessUntil!: string | null;

  @ApiProperty()
  isOrgAdmin!: boolean;

  @ApiPropertyOptional({
    enum: EVALUATOR_TYPES,
    enumName: 'EvaluatorType',
    nullable: true,
    type: String,
  })
  evaluatorType!: EvaluatorType | null;

  @ApiProperty({ format: 'uuid', description: 'The session of this access token' })
  sessionId!: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastUsedAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  userAgent!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  clientAddress!: string | null;

  @ApiProperty({ description: 'The session of the access token making this request' })
  current!: boolean;
}

export function toSessionDto(s: UserSessionEntity, currentId?: string): SessionDto {
  return {
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    clientAddress: s.clientAddress,
    current: s.id === currentId,
  };
}

export class LoginEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One user only' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class LoginEventDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  userId!: string | null;

  @ApiProperty({ description: "The account's username, or the one attempted" })
  username!: string;

  @ApiProperty({ enum: LOGIN_EVENT_KINDS, enumName: 'LoginEventKind' })
  kind!: LoginEventKind;

  @ApiProperty({ enum: ['success', 'failure', 'refresh_reuse'] })
  outcome!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  clientAddress!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  userAgent!: string | null;
}

export function toLoginEventDto(e: LoginEventEntity): LoginEventDto {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    userId: e.userId,
    username: e.username,
    kind: e.kind,
    outcome: e.outcome,
    clientAddress: e.clientAddress,
    userAgent: e.userAgent,
  };
}

export class LoginEventPageDto extends PageMetaDto {
  @ApiProperty({ type: [LoginEventDto] })
  items!: LoginEventDto[];
}
