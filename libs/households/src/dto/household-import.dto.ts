import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IMPORT_FORMATS, IMPORT_STATUSES } from '../import/household-import.entity';

export class StartImportQueryDto {
  @ApiPropertyOptional({
    description: 'The file name, shown in the list of imports',
    example: '阳光社区户籍.xlsx',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  filename?: string;
}

export class RefusedRowDto {
  @ApiProperty({ description: 'Line (CSV) or row (xlsx) in the file; the header is 1' })
  row!: number;

  @ApiProperty({
    type: [String],
    description:
      'Why the row was refused, one sentence per reason (Chinese unless Accept-Language: en)',
    example: ['身份证号校验位不正确'],
  })
  reasons!: string[];
}

export class HouseholdImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) filename!: string | null;
  @ApiProperty({ enum: IMPORT_FORMATS }) format!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What a CSV was decoded as (utf-8, gb18030); null for xlsx',
  })
  encoding!: string | null;

  @ApiProperty({ description: 'Data rows in the file (set when the run starts)' })
  totalRows!: number;
  @ApiProperty() processedRows!: number;
  @ApiProperty() importedRows!: number;
  @ApiProperty() refusedRows!: number;
  @ApiProperty() importedHouseholds!: number;
  @ApiProperty() refusedHouseholds!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why a failed import stopped' })
  failure!: string | null;

  @ApiProperty({
    description: 'Whether GET /households/imports/{id}/errors.xlsx has a sheet to download',
  })
  hasErrorSheet!: boolean;

  @ApiProperty({ type: [RefusedRowDto], description: 'The first refused rows (all: errors.xlsx)' })
  refusedSample!: RefusedRowDto[];

  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
}
