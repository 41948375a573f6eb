import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IMPORT_FORMATS, IMPORT_STATUSES, RefusedRowDto } from '@onedoor/households';
import { RESOURCE_FORMS, type ResourceForm } from '@onedoor/resources';
import { ASSISTANCE_FREQUENCIES, type AssistanceFrequency } from '../ledger.types';

/**
 * The form fields sent with a roll (multipart, beside `file`). A provider's roll is always its
 * own (these organization fields are ignored for provider users); the defaults apply to rows
 * whose cells are empty.
 */
export class StartRollImportDto {
  @ApiPropertyOptional({
    description:
      "The granting organization as shown on entries (required unless providerId names it); a row's own 发放机构 takes precedence",
    example: '和平区民政局',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  grantedBy?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The granting organization when it is a OneDoor provider (departments are)',
  })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({
    description: 'Category (code) of rows without 救助类别',
    example: 'basic_living',
  })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'Title of rows without 救助项目', example: '最低生活保障金' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  title?: string;

  @ApiPropertyOptional({
    enum: RESOURCE_FORMS,
    description: 'Form of rows without 救助形式 (else cash)',
  })
  @IsOptional()
  @IsIn(RESOURCE_FORMS)
  form?: ResourceForm;

  @ApiPropertyOptional({
    enum: ASSISTANCE_FREQUENCIES,
    description: 'Frequency of rows without 发放方式 (else one_off)',
  })
  @IsOptional()
  @IsIn(ASSISTANCE_FREQUENCIES)
  frequency?: AssistanceFrequency;
}

/** The multipart body as the OpenAPI document (and the console's client) sees it. */
export class StartRollImportBodyDto extends StartRollImportDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'The roll: xlsx (first sheet) or CSV in UTF-8 or GBK, at most 10 MB. Columns: GET /api/assistance-imports/template',
  })
  file!: string;
}

export class AssistanceImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) filename!: string | null;
  @ApiProperty({ enum: IMPORT_FORMATS }) format!: string;
  @ApiProperty({ type: String, nullable: true, description: 'What a CSV was decoded as' })
  encoding!: string | null;

  @ApiProperty({ description: 'The granting organization of rows without their own' })
  grantedBy!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) providerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) defaultCategoryCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) defaultTitle!: string | null;

  @ApiProperty({ description: 'Data rows in the file (set when the run starts)' })
  totalRows!: number;
  @ApiProperty() processedRows!: number;
  @ApiProperty({ description: 'Rows written to the ledger' }) importedRows!: number;
  @ApiProperty({
    description: 'Rows whose identity number matches no registered household in scope',
  })
  unmatchedRows!: number;
  @ApiProperty({ description: 'Rows refused for their content (in the error sheet with reasons)' })
  refusedRows!: number;
  @ApiProperty({
    description: 'Rows already in the ledger (an earlier import, or twice here): skipped',
  })
  duplicateRows!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why a failed import stopped' })
  failure!: string | null;
  @ApiProperty({ description: 'Whether GET /assistance-imports/{id}/errors has a sheet' })
  hasErrorSheet!: boolean;
  @ApiProperty({
    type: [RefusedRowDto],
    description: 'The first rows not imported (all: the error sheet)',
  })
  refusedSample!: RefusedRowDto[];

  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
}
