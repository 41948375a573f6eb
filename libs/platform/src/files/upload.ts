import type { Readable } from 'node:stream';
import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

/** The one file of a multipart request, as a stream not yet read. */
export interface Upload {
  stream: Readable;
  filename: string;
  declaredType: string;
}

/**
 * The file part of a `multipart/form-data` request (one file per request, the limits set in
 * configureHttpApp). Anything but multipart is 415; multipart without a file is 400.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
  }
  const part = await request.file();
  if (!part) throw new DomainError('BAD_REQUEST', 'The request holds no file');
  return { stream: part.file, filename: part.filename, declaredType: part.mimetype };
}
