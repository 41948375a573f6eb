import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../pagination/pagination.dto';
import type { AuditLogEntity } from '../audit-log.entity';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'area' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Sequence number (bigint, as a string)' })
  id!: string;

  @ApiProperty()
  entityType!: string;

  @ApiProperty()
  entityId!: string;

  @ApiProperty({ example: 'create' })
  action!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  actorId!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  actorRole!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  fromState!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  toState!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  reason!: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  data!: Record<string, unknown> | null;
}

export function toAuditEntryDto(e: AuditLogEntity): AuditEntryDto {
  return {
    id: e.id,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    actorId: e.actorId,
    actorRole: e.actorRole,
    at: e.at.toISOString(),
    fromState: e.fromState,
    toState: e.toState,
    reason: e.reason,
    data: e.data,
  };
}
