import { ApiProperty } from '@nestjs/swagger';

export class RankingScoreDto {
  @ApiProperty({ format: 'uuid' }) evaluatorId!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ description: 'Dropped as the highest or lowest (5 or more scores)' })
  trimmed!: boolean;
}

export class ModerationDto {
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty() comment!: string;
}

export class RankingCriterionDto {
  @ApiProperty() code!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: [RankingScoreDto] }) scores!: RankingScoreDto[];
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Highest − lowest score' }) spread!:
    number | null;
  @ApiProperty({ description: 'Spread over 40 points: needs a moderation comment' })
  spreadFlag!: boolean;
  @ApiProperty({ type: ModerationDto, nullable: true }) moderation!: ModerationDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Moderated score, else the mean' })
  value!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'value × weight ÷ 100' }) weighted!:
    number | null;
}

export class AbnormallyLowPriceDto {
  @ApiProperty({ description: 'At least 40% below the mean of the other qualified bids' })
  flagged!: boolean;
  @ApiProperty({ type: Number, nullable: true }) othersMeanFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) justification!: string | null;
}

export class EvaluatorProgressDto {
  @ApiProperty() expected!: number;
  @ApiProperty() submitted!: number;
}

export class RankingEntryDto {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() priceFen!: number;
  @ApiProperty({ description: 'lowest qualified price ÷ price × price weight' })
  priceScore!: number;
  @ApiProperty({ type: [RankingCriterionDto] }) criteria!: RankingCriterionDto[];
  @ApiProperty() total!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Set once the ranking is complete and moderated',
  })
  rank!: number | null;
  @ApiProperty({ type: EvaluatorProgressDto }) evaluators!: EvaluatorProgressDto;
  @ApiProperty({ type: AbnormallyLowPriceDto }) abnormallyLowPrice!: AbnormallyLowPriceDto;
  @ApiProperty({ description: 'The winner declined an award to this bid' }) declined!: boolean;
}

export class PendingModerationDto {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty() criterion!: string;
}

export class RankingDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: ['incomplete', 'needs_moderation', 'ranked'], enumName: 'RankingStatus' })
  status!: 'incomplete' | 'needs_moderation' | 'ranked';
  @ApiProperty({ type: [PendingModerationDto] }) pendingModeration!: PendingModerationDto[];
  @ApiProperty({ type: [RankingEntryDto] }) entries!: RankingEntryDto[];
}
