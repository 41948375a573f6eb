import { ApiProperty } from '@nestjs/swagger';

class CountsDto {
  @ApiProperty() imported!: number;
  @ApiProperty() rejected!: number;
}

class RowCountsDto extends CountsDto {
  @ApiProperty() total!: number;
}

class ImportRowErrorDto {
  @ApiProperty({ description: 'Line in the file (the header is line 1)' }) row!: number;
  @ApiProperty({ example: 'id_number' }) field!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'The same in Chinese', example: '身份证号校验位不正确' })
  reason!: string;
}

export class ImportResultDto {
  @ApiProperty({ type: CountsDto }) households!: CountsDto;
  @ApiProperty({ type: RowCountsDto }) rows!: RowCountsDto;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowErrorDto[];
}
