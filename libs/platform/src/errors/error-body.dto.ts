import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error body every endpoint answers with. */
export class ErrorBodyDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({ example: 'RESOURCE_CAPACITY_EXHAUSTED' })
  code!: string;

  @ApiProperty({ example: 'No capacity left on this resource' })
  message!: string;

  @ApiPropertyOptional({ description: 'Machine-readable context, e.g. field errors' })
  details?: unknown;

  @ApiPropertyOptional({
    description: 'Present on 500 answers: the id under which the error was logged',
  })
  errorId?: string;
}
