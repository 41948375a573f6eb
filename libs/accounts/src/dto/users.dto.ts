import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  EVALUATOR_TYPES,
  type EvaluatorType,
  PageMetaDto,
  PageQueryDto,
  ROLES,
  type Role,
} from '@onedoor/platform';

/** Login names: 3–64 letters, digits, . _ -. */
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
export const PHONE = /^[0-9+\- ]{5,20}$/;

export class CreateUserDto {
  @ApiProperty({
    example: 'li.na',
    description: '3–64 letters, digits, . _ -; unique ignoring case',
  })
  @Matches(USERNAME, { message: 'username must be 3-64 letters, digits, . _ or -' })
  username!: string;

  @ApiProperty({ example: '李娜' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Area scope: required for civil_affairs, assessor and evaluator; none for admin',
  })
  @IsOptional()
  @IsUUID()
  areaId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Provider users: their organization (an organization admin may omit it)',
  })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ description: 'Provider users: manages their organization’s accounts' })
  @IsOptional()
  @IsBoolean()
  isOrgAdmin?: boolean;

  @ApiPropertyOptional({ enum: EVALUATOR_TYPES, enumName: 'EvaluatorType' })
  @IsOptional()
  @IsIn(EVALUATOR_TYPES)
  evaluatorType?: EvaluatorType;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A contracted social-work worker (role assessor): the live contract they work under; their organization is the contract’s, their area must lie within its area, and their access ends with it',
  })
  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'li.na@example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;
}

/** Only the fields sent change; null clears a clearable one. */
export class UpdateUserDto {
  @ApiProperty({ description: 'The version read (optimistic locking)', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  areaId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  providerId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isOrgAdmin?: boolean;

  @ApiPropertyOptional({
    enum: EVALUATOR_TYPES,
    enumName: 'EvaluatorType',
    nullable: true,
    type: String,
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIn(EVALUATOR_TYPES)
  evaluatorType?: EvaluatorType | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsEmail()
  @MaxLength(200)
  email?: string | null;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the username or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Users whose area is in this subtree' })
  @IsOptional()
  @IsUUID()
  areaId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) areaId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) providerId!: string | null;
  @ApiProperty() isOrgAdmin!: boolean;
  @ApiPropertyOptional({
    enum: EVALUATOR_TYPES,
    enumName: 'EvaluatorType',
    nullable: true,
    type: String,
  })
  evaluatorType!: EvaluatorType | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A contracted worker: their contract',
  })
  contractId!: string | null;
  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the account’s access ends (a contracted worker: the contract’s end)',
  })
  accessUntil!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '138****8000',
    description: 'Masked in lists, whole in the single read',
  })
  phone!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'l***@example.org',
    description: 'Masked in lists, whole in the single read',
  })
  email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'False until the owner sets a password with their token' })
  hasPassword!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedUserDto extends UserDto {
  @ApiProperty({
    description:
      'Shown once: the new user sets their own password with it (POST /api/auth/set-password) within 24 h',
  })
  setPasswordToken!: string;

  @ApiProperty({ format: 'date-time' })
  setPasswordTokenExpiresAt!: string;
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];
}
