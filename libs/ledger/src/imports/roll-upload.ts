import { ValidationPipe } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IMPORT_MAX_BYTES, readBodyLimited } from '@onedoor/households';
import { DomainError, validationExceptionFactory } from '@onedoor/platform';
import { StartRollImportDto } from './assistance-import.dto';

/** The form fields are checked as a body would be (the app's global pipe, same options). */
const fieldsPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: true },
  exceptionFactory: validationExceptionFactory,
});

const tooLarge = () =>
  new DomainError(
    'IMPORT_TOO_LARGE',
    `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB (文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB)`,
  );

/**
 * A roll upload: multipart with one `file` and the form's fields, in any order (a field after
 * the file is read once the file is). The file is read whole, up to the import's limit (413
 * past it); anything but multipart is 415, multipart without a file 400.
 */
export async function readRollUpload(
  request: FastifyRequest,
): Promise<{ content: Buffer; filename: string | null; fields: StartRollImportDto }> {
  if (!request.isMultipart()) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the roll as multipart/form-data');
  }
  const raw: Record<string, string> = {};
  let file: { content: Buffer; filename: string | null } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await readBodyLimited(part.file, IMPORT_MAX_BYTES);
        // @fastify/multipart cuts a file at the app's upload limit and marks it truncated.
        if (part.file.truncated) throw tooLarge();
        file = { content, filename: part.filename || null };
      } else if (typeof part.value === 'string' && part.value !== '') {
        raw[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  if (!file || file.content.length === 0) {
    throw new DomainError('BAD_REQUEST', 'The request holds no file');
  }
  const fields = (await fieldsPipe.transform(raw, {
    type: 'body',
    metatype: StartRollImportDto,
  })) as StartRollImportDto;
  return { ...file, fields };
}
