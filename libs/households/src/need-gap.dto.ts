import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, Max, Min, ValidateIf } from 'class-validator';

/** Ten million yuan: beyond any out-of-pocket cost a family is assessed for; guards typos. */
export const MAX_GAP_FEN = 1_000_000_000;

export class SetNeedGapDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_GAP_FEN,
    example: 3_000_000,
    description:
      'The assessed amount still to cover, in fen (分); null removes it (one benefit serves the need)',
  })
  // Present, and a number or null: `{}` is refused (isDefined) rather than read as a removal.
  @ValidateIf((_dto, value) => value !== null)
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(MAX_GAP_FEN)
  gapFen!: number | null;
}
