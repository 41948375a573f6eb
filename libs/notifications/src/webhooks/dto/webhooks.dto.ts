import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { EVENT_TYPES, PageQueryDto } from '@onedoor/platform';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../webhook-delivery.entity';
import { WEBHOOK_FORMATS, type WebhookFormat } from '../webhook-subscription.entity';

export class CreateWebhookDto {
  @ApiPropertyOptional({ description: 'The organization subscribing (org admins: their own)' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({
    description: 'The area subscribing (civil-affairs staff: in their scope)',
  })
  @IsOptional()
  @IsUUID()
  areaId?: string;

  @ApiProperty({ example: 'https://example.org/onedoor-hook' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    description:
      'Signing secret; generated (and returned once) for the json format when omitted. For DingTalk: the robot\'s "加签" secret.',
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsString({ each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(WEBHOOK_FORMATS)
  format?: WebhookFormat;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description: 'Admins only: allow loopback/private addresses',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  allowPrivateNetwork?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'A new signing secret (replaces the old one)' })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS })
  @IsOptional()
  @IsIn(WEBHOOK_FORMATS)
  format?: WebhookFormat;

  @ApiPropertyOptional({ description: 'Re-activating resets the failure count' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Admins only' })
  @IsOptional()
  @IsBoolean()
  allowPrivateNetwork?: boolean;
}

export class WebhookDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) providerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) areaId!: string | null;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: EVENT_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty({ enum: WEBHOOK_FORMATS }) format!: WebhookFormat;
  @ApiProperty() active!: boolean;
  @ApiProperty() allowPrivateNetwork!: boolean;
  @ApiProperty() hasSecret!: boolean;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiPropertyOptional({ description: 'The signing secret, shown this once', nullable: true })
  secret!: string | null;
}

export class DeliveryQueryDto extends PageQueryDto {}

export class WebhookDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextAttemptAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class WebhookTestResultDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}
