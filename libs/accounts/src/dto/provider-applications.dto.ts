import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '@onedoor/platform';
import { IsUscc, PROVIDER_KINDS, type ProviderKind } from '@onedoor/resources';
import {
  PROVIDER_APPLICATION_STATUSES,
  type ProviderApplicationStatus,
} from '../provider-applications/provider-application.entity';
import { PHONE, USERNAME } from './users.dto';

export class CreateProviderApplicationDto {
  @ApiProperty({ example: '91350100M000100Y43', description: '统一社会信用代码 (GB 32100-2015)' })
  @IsUscc()
  uscc!: string;

  @ApiProperty({ example: '和平区慈善会' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PROVIDER_KINDS, enumName: 'ProviderKind' })
  @IsIn(PROVIDER_KINDS)
  kind!: ProviderKind;

  @ApiProperty({
    format: 'uuid',
    description: 'Home area: a district, street or community; its staff review the application',
  })
  @IsUUID()
  homeAreaId!: string;

  @ApiProperty({ example: '和平路 1 号' })
  @IsString()
  @Length(1, 300)
  address!: string;

  @ApiProperty({ example: '王芳', description: 'Contact person; becomes the first admin' })
  @IsString()
  @Length(1, 100)
  contactName!: string;

  @ApiProperty({ example: '13800138000' })
  @Matches(PHONE, { message: 'contactPhone must be a phone number' })
  contactPhone!: string;

  @ApiProperty({ example: 'wang.fang@example.org' })
  @IsEmail()
  @Length(3, 254)
  contactEmail!: string;

  @ApiProperty({
    example: 'heping-charity',
    description:
      'Login name asked for the first admin (3–64 letters, digits, . _ -); staff may change it on approval',
  })
  @Matches(USERNAME, { message: 'username must be 3-64 letters, digits, . _ or -' })
  username!: string;
}

/** What the applicant gets back: enough to refer to the application, no personal data. */
export class ProviderApplicationReceiptDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PROVIDER_APPLICATION_STATUSES, enumName: 'ProviderApplicationStatus' })
  status!: ProviderApplicationStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ProviderApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  uscc!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: PROVIDER_KINDS, enumName: 'ProviderKind' })
  kind!: ProviderKind;

  @ApiProperty({ format: 'uuid' })
  homeAreaId!: string;

  @ApiProperty()
  homeAreaName!: string;

  @ApiProperty()
  address!: string;

  @ApiProperty()
  contactName!: string;

  @ApiProperty({ description: 'Masked in lists' })
  contactPhone!: string;

  @ApiProperty({ description: 'Masked in lists' })
  contactEmail!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty({ enum: PROVIDER_APPLICATION_STATUSES, enumName: 'ProviderApplicationStatus' })
  status!: ProviderApplicationStatus;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  providerId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty()
  version!: number;
}

export class ProviderApplicationPageDto extends PageMetaDto {
  @ApiProperty({ type: [ProviderApplicationDto] })
  items!: ProviderApplicationDto[];
}

export class ProviderApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: PROVIDER_APPLICATION_STATUSES,
    enumName: 'ProviderApplicationStatus',
  })
  @IsOptional()
  @IsIn(PROVIDER_APPLICATION_STATUSES)
  status?: ProviderApplicationStatus;
}

export class ApproveProviderApplicationDto {
  @ApiPropertyOptional({
    description: 'Login name for the first admin, instead of the one asked for (e.g. it is taken)',
  })
  @IsOptional()
  @Matches(USERNAME, { message: 'username must be 3-64 letters, digits, . _ or -' })
  username?: string;

  @ApiPropertyOptional({ example: 'Registration documents checked' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class RejectProviderApplicationDto {
  @ApiProperty({ example: 'The code belongs to another organization' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

/** Approval's answer: the application, and the one-time token of the organization's admin. */
export class ApprovedProviderApplicationDto extends ProviderApplicationDto {
  @ApiProperty({ description: 'The first admin’s login name' })
  adminUsername!: string;

  @ApiProperty({
    description:
      'One-time set-password token of the first admin, shown only in this answer: hand it to the contact person',
  })
  setPasswordToken!: string;

  @ApiProperty({ format: 'date-time' })
  setPasswordTokenExpiresAt!: string;
}
