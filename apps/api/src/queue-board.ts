import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  type Principal,
  principalOf,
  QUEUES,
  toErrorBody,
  UsersRepository,
  cookieValue,
} from '@onedoor/platform';
import { ERROR_STATUS } from './error-status';

// Under /api with the rest of the server side, so the console owns every other path.
export const QUEUE_BOARD_PATH = '/api/admin/queues';
const COOKIE = 'onedoor_board';

function tokenOf(request: FastifyRequest): { token: string | undefined; fromQuery: boolean } {
  const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() === 'bearer' && bearer) return { token: bearer, fromQuery: false };
  const query = (request.query as Record<string, string | undefined>)?.access_token;
  if (query) return { token: query, fromQuery: true };
  return { token: cookieValue(request, COOKIE), fromQuery: false };
}

/**
 * Bull Board over the BullMQ queues, for admins only. A browser opens it once with
 * `?access_token=<admin JWT>`; the token then rides in an HttpOnly cookie scoped to this
 * path so the UI's own requests are authorised too. Everyone else gets 401 or 403 in the
 * one error shape.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false })),
    ),
    serverAdapter,
  });
  const jwt = app.get(JwtService, { strict: false });
  const users = app.get(UsersRepository, { strict: false });
  const refuse = (reply: FastifyReply, error: DomainError) => {
    const { body } = toErrorBody(error, ERROR_STATUS);
    return reply.status(body.statusCode).send(body);
  };

  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request, reply) => {
        const { token, fromQuery } = tokenOf(request);
        let principal: Principal;
        try {
          principal = await principalOf(jwt, users, token);
        } catch (error) {
          if (error instanceof DomainError) return refuse(reply, error);
          throw error;
        }
        if (principal.role !== 'admin')
          return refuse(reply, new DomainError('FORBIDDEN', 'Only admins may see the queues'));
        if (fromQuery) {
          void reply.header(
            'set-cookie',
            `${COOKIE}=${token}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict`,
          );
        }
      });
      await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
    });
}
