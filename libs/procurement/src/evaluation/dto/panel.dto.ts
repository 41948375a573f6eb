import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class PanelDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 3,
    description: 'At least 3 distinct evaluators',
  })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(25)
  @IsUUID('all', { each: true })
  evaluatorIds!: string[];
}

export class DeclarationItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({
    description:
      'true: a conflict of interest with this bidder, recusing the evaluator from its bid',
  })
  @IsBoolean()
  conflict!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class DeclarationsDto {
  @ApiProperty({ type: [DeclarationItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DeclarationItemDto)
  declarations!: DeclarationItemDto[];
}

export class DeclarationDto {
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) evaluatorId!: string;
  @ApiProperty() conflict!: boolean;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}
