import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error body every endpoint answers with. */
export class ErrorBodyDto {
  @ApiProperty({ description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({ description: 'The status in words' })
  error!: string;

  // The enum of every code is filled in from the program's composed map (buildOpenApiDocument):
  // this lib does not know the codes of the libs above it.
  @ApiProperty({ description: 'What went wrong, for programs: one code, one meaning' })
  code!: string;

  @ApiProperty({ description: 'What went wrong, for people (English)' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'Machine-readable context: the field errors of a 400 (`[{ field, messages }]`), or an object',
    oneOf: [
      { type: 'array', items: { type: 'object', additionalProperties: true } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;

  @ApiPropertyOptional({
    description: 'Present on 500 answers: the id under which the error was logged',
  })
  errorId?: string;
}
