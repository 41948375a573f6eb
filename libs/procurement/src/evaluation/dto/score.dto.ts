import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ScoreItemDto {
  @ApiProperty({ example: 'service_proposal' })
  @IsString()
  @Length(1, 40)
  criterion!: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;
}

export class SubmitScoresDto {
  @ApiProperty({
    type: [ScoreItemDto],
    description: 'One score per non-price criterion; locked once submitted',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScoreItemDto)
  scores!: ScoreItemDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ModerateDto {
  @ApiProperty({ example: 'human_resources' })
  @IsString()
  @Length(1, 40)
  criterion!: string;

  @ApiProperty({ description: 'Why the spread stands or how it was settled' })
  @IsString()
  @Length(1, 2000)
  comment!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'A moderated value replacing the mean; omit to keep the mean',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;
}

export class PriceJustificationDto {
  @ApiProperty({ description: 'How the bidder will deliver at this price' })
  @IsString()
  @Length(1, 5000)
  note!: string;
}

export class EvaluatorScoresDto {
  @ApiProperty({ format: 'uuid' }) evaluatorId!: string;
  @ApiProperty({ description: 'Whether this evaluator submitted scores for the bid' })
  submitted!: boolean;
  @ApiProperty({ description: 'Declared a conflict with this bidder' }) recused!: boolean;
  @ApiProperty({
    type: [ScoreItemDto],
    description: 'Hidden (empty) until every evaluator has submitted, except your own',
  })
  scores!: ScoreItemDto[];
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

export class BidScoresDto {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ description: 'Every evaluator has submitted on every qualified bid' })
  allSubmitted!: boolean;
  @ApiProperty({ type: [EvaluatorScoresDto] }) evaluators!: EvaluatorScoresDto[];
}
