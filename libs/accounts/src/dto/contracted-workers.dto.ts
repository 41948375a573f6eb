import { ApiProperty } from '@nestjs/swagger';
import { AREA_LEVELS, type AreaLevel } from '@onedoor/areas';

export class OfferedAreaDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AREA_LEVELS, enumName: 'AreaLevel' }) level!: AreaLevel;
}

/** A live contract a worker account may be opened under, and where its workers may be placed. */
export class OfferedContractDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When its workers’ access ends: the end of its last day, China time',
  })
  accessUntil!: string;
  @ApiProperty({
    type: [OfferedAreaDto],
    description: 'The contract’s area and the areas below it (within your scope)',
  })
  areas!: OfferedAreaDto[];
}
