import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, Matches } from 'class-validator';
import { DAY_PATTERN } from '@onedoor/platform';
import { LEAD_SOURCES, type LeadSource } from '../../relief.types';

export class LeadReportQueryDto {
  @ApiProperty({ example: '2026-12-01', description: 'First day (Beijing), included' })
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'from must be a day, YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day (Beijing), included' })
  @IsDateString({ strict: true })
  @Matches(DAY_PATTERN, { message: 'to must be a day, YYYY-MM-DD' })
  to!: string;
}

export class LeadReportCountsDto {
  @ApiProperty({ description: 'Leads reported in the period' }) reported!: number;
  @ApiProperty({
    description: 'First decided (triaged, linked, registered or closed) by the deadline',
  })
  triagedInTime!: number;
  @ApiProperty({ description: 'Linked to a household or registered' }) linkedOrRegistered!: number;
  @ApiProperty({
    description:
      'Their household got an emergency grant paid or a referral delivered after the lead came in',
  })
  assisted!: number;
  @ApiProperty() closed!: number;
}

export class LeadReportRowDto extends LeadReportCountsDto {
  @ApiProperty({ enum: LEAD_SOURCES, enumName: 'LeadSource' }) source!: LeadSource;
}

export class LeadReportDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [LeadReportRowDto], description: 'One row per source, every source' })
  rows!: LeadReportRowDto[];
  @ApiProperty({ type: LeadReportCountsDto, description: 'All sources' })
  total!: LeadReportCountsDto;
}
