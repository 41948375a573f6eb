import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { HOUSEHOLD_STATUSES, type HouseholdStatus, IsIdNumber } from '@onedoor/households';
import { PageQueryDto } from '@onedoor/platform';
import {
  LEAD_MATCHES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  type LeadMatch,
  type LeadSource,
  type LeadStatus,
} from '../../relief.types';

/** Digits, spaces, +, - (as households and accounts take phones). */
const PHONE = /^[0-9+\- ]{5,20}$/;

/** A family in sudden difficulty, reported by a signed-in user (their own name is the reporter's). */
export class ReportLeadDto {
  @ApiProperty({
    example: '张三',
    description: 'The person in difficulty (or the head of the family)',
  })
  @IsString()
  @Length(1, 50)
  subjectName!: string;

  @ApiPropertyOptional({
    example: '110101198006150011',
    description: 'If known; check digit validated',
  })
  @IsOptional()
  @IsIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'How to reach the family' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The community or village (GET /api/public/areas?level=community)',
  })
  @IsUUID()
  communityId!: string;

  @ApiPropertyOptional({ example: '幸福路 12 号 3 单元 401' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiProperty({
    example: '户主突发重病住院，家中两个孩子无人照顾，缺少生活费',
    description: 'What happened (stored encrypted)',
  })
  @IsString()
  @Length(1, 2000)
  situation!: string;

  @ApiPropertyOptional({
    example: '13900001111',
    description: "The reporter's phone, if staff should call back",
  })
  @IsOptional()
  @Matches(PHONE, { message: 'reporterPhone must be a phone number' })
  reporterPhone?: string;

  @ApiPropertyOptional({ example: '网格员', description: 'How the reporter knows the family' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  reporterRelation?: string;
}

/**
 * The public form (no login): the reporter says who they are. `website` is a honeypot: hidden
 * in the form, so only a robot fills it; such a report is answered as a success and not stored.
 */
export class PublicReportLeadDto extends ReportLeadDto {
  @ApiProperty({ example: '李四' })
  @IsString()
  @Length(1, 50)
  reporterName!: string;

  @ApiPropertyOptional({ description: 'Leave empty (hidden in the form)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}

/** All the public form answers: nothing about anyone, a number to quote on the phone. */
export class LeadReceiptDto {
  @ApiProperty({ example: 'XS20261202-7KQ3PD' }) reference!: string;
}

/** A reporter's own lead: what became of it, and nothing of the family but a masked name. */
export class MyLeadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'XS20261202-7KQ3PD' }) reference!: string;
  @ApiProperty() reportedAt!: Date;
  @ApiProperty({ enum: LEAD_STATUSES, enumName: 'LeadStatus' }) status!: LeadStatus;
  @ApiProperty({ example: '张*' }) subjectNameMasked!: string;
  @ApiProperty({ example: '光明社区' }) communityName!: string;
}

export class LeadQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEAD_STATUSES, enumName: 'LeadStatus' })
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;
}

export class LeadSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: LEAD_STATUSES, enumName: 'LeadStatus' }) status!: LeadStatus;
  @ApiProperty({ enum: LEAD_SOURCES, enumName: 'LeadSource' }) source!: LeadSource;
  @ApiProperty() subjectName!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() communityName!: string;
  @ApiProperty() reportedAt!: Date;
  @ApiProperty() triageDueAt!: Date;
  @ApiProperty({ description: 'Still reported after its triage deadline' }) overdue!: boolean;
  @ApiProperty({ type: Date, nullable: true }) escalatedAt!: Date | null;
  @ApiProperty({ description: 'Households the registry check found when it was reported' })
  candidateCount!: number;
}

/** A registered household the lead may be (masked: staff open the household to see more). */
export class LeadCandidateDto {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ example: '王*' }) headNameMasked!: string;
  @ApiProperty() communityName!: string;
  @ApiProperty({ enum: HOUSEHOLD_STATUSES, enumName: 'HouseholdStatus' })
  householdStatus!: HouseholdStatus;
  @ApiProperty({ enum: LEAD_MATCHES, enumName: 'LeadMatch', isArray: true })
  matchedBy!: LeadMatch[];
}

export class LeadDto extends LeadSummaryDto {
  @ApiProperty({ type: String, nullable: true, example: '**************0011' })
  idMasked!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' })
  phoneMasked!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ description: 'What happened (decrypted for staff in scope)' }) situation!: string;
  @ApiProperty() reporterName!: string;
  @ApiProperty({ type: String, nullable: true }) reporterPhoneMasked!: string | null;
  @ApiProperty({ type: String, nullable: true }) reporterRelation!: string | null;
  @ApiProperty({ type: Date, nullable: true }) triagedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) householdId!: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason!: string | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt!: Date | null;
  @ApiProperty({ type: [LeadCandidateDto], description: 'Within your scope' })
  candidates!: LeadCandidateDto[];
}

/**
 * How to reach the family and the reporter, in clear: only from `POST /leads/{id}/contact`,
 * which records the read (the lead page shows the masked numbers).
 */
export class LeadContactDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '13812345678',
    description: "The family's phone",
  })
  phone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '13900001111' })
  reporterPhone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '110101199001010011' })
  idNumber!: string | null;
}

export class TriageLeadDto {
  @ApiPropertyOptional({ example: '已电话核实，需上门' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class LinkLeadDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  householdId!: string;
}

export class CloseLeadDto {
  @ApiProperty({ example: '经核实无需救助' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
