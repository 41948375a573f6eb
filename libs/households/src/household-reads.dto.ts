import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsUUID, Matches } from 'class-validator';
import { DAY_PATTERN, PageQueryDto, ROLES, type Role } from '@onedoor/platform';

export class HouseholdReadQueryDto extends PageQueryDto {}

export class AccessLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Reads by this user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reads of this household' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ format: 'date', type: String, description: 'From this day (Beijing)' })
  @IsOptional()
  @Matches(DAY_PATTERN)
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    type: String,
    description: 'To this day (Beijing), inclusive',
  })
  @IsOptional()
  @Matches(DAY_PATTERN)
  @IsDateString({ strict: true })
  to?: string;
}

export class HouseholdReadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ description: 'The reader’s display name' }) userName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', description: 'The reader’s role at the time' })
  role!: Role;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The head’s name' })
  householdName!: string | null;
  @ApiProperty({ description: 'The household’s community' }) communityName!: string;
  @ApiProperty({
    description: 'The console page the record was opened from (its pathname), or `api`',
  })
  page!: string;
}
