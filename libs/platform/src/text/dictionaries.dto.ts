import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { DictionaryGroups } from './labels';

export class LabelDto {
  @ApiProperty({ name: 'zh-CN', example: '低保' })
  'zh-CN'!: string;

  @ApiProperty({ example: 'Minimum living allowance' })
  en!: string;
}

export class DictionariesDto {
  @ApiProperty({
    description: 'Changes whenever a label changes; also the ETag',
    example: '3f2a9c0d1e7b4a65',
  })
  version!: string;

  @ApiProperty({
    description:
      'Group name → code → label in each language. Every code the API answers with (an enum of its document) has a label in its group',
    type: 'object',
    additionalProperties: {
      type: 'object',
      additionalProperties: { $ref: getSchemaPath(LabelDto) },
    },
    example: {
      tier: { subsistence: { 'zh-CN': '低保', en: 'Minimum living allowance' } },
      role: { assessor: { 'zh-CN': '社区救助顾问', en: 'Assessor' } },
    },
  })
  groups!: DictionaryGroups;
}
