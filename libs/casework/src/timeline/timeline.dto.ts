import { ApiProperty } from '@nestjs/swagger';

/**
 * One thing that happened to the household, from the audit log: what (the entity and its
 * action, labelled by the `timelineEvent` dictionary as `<entityType>.<action>`), when, by whom,
 * the state it moved between and, for needs, proposals and referrals, the category concerned.
 * Never personal data: audit rows hold none.
 */
export class TimelineEntryDto {
  @ApiProperty({ description: 'The audit row id (newest first)' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    description: 'household, assessment, need, match_proposal, referral, case, and casework’s own',
  })
  entityType!: string;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ description: '`<entityType>.<action>`: the `timelineEvent` dictionary’s key' })
  event!: string;
  @ApiProperty({ nullable: true, type: String }) fromState!: string | null;
  @ApiProperty({ nullable: true, type: String }) toState!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A reason code or short reason' })
  reason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who did it (display name)' })
  actorName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Their role (`role` dictionary)' })
  actorRole!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The need category concerned (`category` dictionary), for needs, proposals and referrals',
  })
  categoryCode!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The resource, for proposals and referrals',
  })
  resourceTitle!: string | null;
}
