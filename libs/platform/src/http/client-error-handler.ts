import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CODE_BY_STATUS, reasonPhrase } from '../errors/all-exceptions.filter';

/** Node's parser errors Fastify answers itself, before any route or error filter. */
const ANSWERS: Record<string, { statusCode: number; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { statusCode: 408, message: 'Client Timeout' },
  HPE_HEADER_OVERFLOW: { statusCode: 431, message: 'Exceeded maximum allowed HTTP header size' },
};
const OTHER = { statusCode: 400, message: 'Client Error' };

/**
 * Fastify's `clientErrorHandler`: the same answers as Fastify's default (a request Node could not
 * parse never reaches a route or the error filter), but in the one error body, `code` included.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { statusCode, message } = ANSWERS[error.code ?? ''] ?? OTHER;
  const body = JSON.stringify({
    statusCode,
    error: reasonPhrase(statusCode),
    code: CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST',
    message,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusCode} ${reasonPhrase(statusCode)}\r\nConnection: close\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (FST_ERR_BAD_URL) is refused before routing,
 * by Fastify's own handler, so the error filter never sees it; this answers it in the one body.
 */
export function frameworkErrors(
  error: Error & { statusCode?: number },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const statusCode = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  void reply.code(statusCode).send({
    statusCode,
    error: reasonPhrase(statusCode),
    code: CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST',
    message: error.message,
  });
}
