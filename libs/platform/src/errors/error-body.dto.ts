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

  @ApiProperty({
    description:
      "What went wrong, for people, in the request's language: zh-CN unless `?lang=en` or " +
      '`Accept-Language: en` asks for English (the answer says which in `Content-Language`)',
  })
  message!: string;

  @ApiPropertyOptional({
    description:
      'Machine-readable context: the field errors of a 400 (one per field and failed ' +
      'constraint, `[{ field, constraint, params?, message }]`, the message localized like ' +
      '`message`), or an object (e.g. `{ currentVersion }` of STALE_VERSION)',
    oneOf: [
      {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'constraint', 'message'],
          properties: {
            field: {
              type: 'string',
              description: 'The path, array indexes in brackets',
              example: 'members[0].idNumber',
            },
            constraint: {
              type: 'string',
              description: 'The check that failed (class-validator key or a rule of the API)',
              example: 'isIdNumber',
            },
            params: {
              type: 'object',
              additionalProperties: true,
              description: "The constraint's parameters (`min`, `max`, `values`, `problem`…)",
              example: { problem: 'check_digit' },
            },
            message: { type: 'string', example: '身份证号校验位不正确' },
          },
        },
      },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;

  @ApiPropertyOptional({
    description: 'Present on 500 answers: the id under which the error was logged',
  })
  errorId?: string;
}
