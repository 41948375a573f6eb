import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { EVENT_TYPES, type EventType, PageMetaDto } from '@onedoor/platform';

export class NotificationDto {
  @ApiProperty({ example: '1042', description: 'Increasing; also the id of its SSE event' })
  id!: string;

  @ApiProperty({ enum: EVENT_TYPES, enumName: 'EventType', example: 'referral.created' })
  type!: string;

  @ApiProperty({ example: '新的转介' })
  title!: string;

  @ApiProperty({ example: '您的机构收到一条新的转介：助餐服务，请在 2026/12/3 09:00 前接受。' })
  body!: string;

  @ApiProperty({ example: 'referral', description: 'What the notice is about, for a link' })
  entityType!: string;

  @ApiProperty({ format: 'uuid' })
  entityId!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class NotificationPageDto extends PageMetaDto {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 })
  unread!: number;
}

export class ReadAllResultDto {
  @ApiProperty({ example: 3, description: 'Notices marked read by this call' })
  marked!: number;
}

export class StreamQueryDto {
  @ApiPropertyOptional({
    description:
      'The access token, for clients that cannot set headers (a browser EventSource); the ' +
      'Authorization header is preferred. Query strings are not logged.',
  })
  @IsOptional()
  @IsString()
  access_token?: string;
}

export class NotificationPreferenceDto {
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'EventType', example: 'referral.created' })
  @IsIn(EVENT_TYPES as unknown as string[], { message: 'eventType must be a known event type' })
  eventType!: EventType;

  @ApiProperty({ description: 'In-app inbox and its live stream', example: true })
  @IsBoolean()
  inbox!: boolean;

  @ApiProperty({ description: 'E-mail (when SMTP is configured)', example: false })
  @IsBoolean()
  email!: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({
    type: [NotificationPreferenceDto],
    description:
      'One entry per event type. Webhooks are per subscription, not per user, so not here.',
  })
  @ValidateNested({ each: true })
  @ArrayMaxSize(EVENT_TYPES.length * 2)
  @Type(() => NotificationPreferenceDto)
  preferences!: NotificationPreferenceDto[];
}
