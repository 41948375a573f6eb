import {
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Observable, of } from 'rxjs';
import type { Principal } from '../../auth/principal';
import { DomainError, ValidationFailedError } from '../../errors/domain-error';
import { Clock } from '../../time/clock';
import { IdempotencyKeysRepository, type StoredResponse } from './idempotency-keys.repository';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long a key answers with its first response. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** Printable ASCII without spaces, as the IETF draft and Stripe accept (a UUID fits). */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** The response headers a replay repeats; the rest (request id, security headers) are per request. */
const REPLAYED_HEADERS = ['content-type', 'location', 'retry-after'];

type Request = FastifyRequest & { principal?: Principal };
interface Claim {
  userId: string;
  key: string;
}

/**
 * `Idempotency-Key` on an authenticated POST: the first request's response (status, body,
 * content type) is stored and replayed to any retry by the same user with the same key for
 * 24 h, so a client that lost an answer can retry without, say, registering a household twice.
 *
 * Where the response is stored: ideally in the handler's own transaction, so that the state
 * change and its recorded answer commit together. Each service opens its own transaction
 * (TransactionRunner) and an interceptor cannot join it without threading a context through
 * every service, so instead the key is *reserved* first (a row without a response, inserted
 * atomically: a concurrent duplicate finds it and gets 409 IDEMPOTENCY_KEY_IN_PROGRESS), the
 * handler runs, and the answer is written in Fastify's onSend hook — that is, after the error
 * filter has shaped it, so errors are stored exactly as sent, and before the client sees it.
 * A 5xx releases the key (the handler's transaction rolled back, or we cannot tell: a retry
 * should run again); a 2xx or 4xx is the request's answer and is replayed. If the process dies
 * between commit and onSend the key stays reserved until it expires: retries get 409 rather
 * than a second write — never twice is the point.
 *
 * A concurrent duplicate gets 409 (with Retry-After: 1) rather than waiting for the first:
 * waiting would hold a connection and a database poll for as long as the first request runs,
 * with no bound we could promise, while 409 is what the IETF draft and Stripe answer and a
 * retrying client handles it like a lost answer.
 *
 * Public POSTs (login) have no user to key by and are left alone.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private readonly claims = new WeakMap<FastifyRequest, Claim>();

  constructor(
    private readonly store: IdempotencyKeysRepository,
    private readonly clock: Clock,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Fastify accepts hooks until it is ready; the app is initialised before it listens. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request, reply, payload) => {
      const claim = this.claims.get(request);
      if (claim) {
        this.claims.delete(request);
        await this.record(claim, reply, payload);
      }
      return payload;
    });
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const given = request.headers['idempotency-key'];
    if (request.method !== 'POST' || given === undefined || !request.principal) {
      return next.handle();
    }
    const key = parseKey(given);
    const claim = { userId: request.principal.userId, key };
    const requestHash = hashRequest(request);
    const now = this.clock.now();
    const found = await this.store.reserve(
      { ...claim, requestHash, method: request.method, path: request.url },
      now,
      new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    );
    if (found.kind === 'reserved') {
      this.claims.set(request, claim);
      return next.handle();
    }
    if (found.requestHash !== requestHash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request; use a new key',
      );
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (found.kind === 'in-progress') {
      void reply.header('Retry-After', '1');
      throw new DomainError(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        'A request with this Idempotency-Key is still running; retry shortly',
      );
    }
    // Nest sends what the interceptor returns with the reply's status as set here.
    void reply.status(found.response.status);
    for (const [name, value] of Object.entries(found.response.headers)) {
      void reply.header(name, value);
    }
    void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return of(found.response.body);
  }

  private async record(claim: Claim, reply: FastifyReply, payload: unknown): Promise<void> {
    try {
      const body =
        typeof payload === 'string'
          ? payload
          : Buffer.isBuffer(payload)
            ? payload.toString()
            : null;
      if (reply.statusCode >= 500 || body === null) {
        await this.store.release(claim.userId, claim.key);
        return;
      }
      const headers: StoredResponse['headers'] = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await this.store.complete(claim.userId, claim.key, {
        status: reply.statusCode,
        headers,
        body,
      });
    } catch (err) {
      // The answer still goes out: the change (if any) is committed and the client should see
      // it. The key stays reserved, so a retry gets 409 rather than running twice.
      this.logger.error({ err, key: claim.key }, 'could not store an idempotent response');
    }
  }
}

function parseKey(given: string | string[]): string {
  if (typeof given === 'string' && KEY_FORMAT.test(given)) return given;
  throw new ValidationFailedError('Invalid Idempotency-Key header', [
    {
      field: IDEMPOTENCY_KEY_HEADER,
      constraint: 'idempotencyKey',
      message: 'must be one header of 1 to 255 visible ASCII characters (e.g. a UUID)',
    },
  ]);
}

/**
 * Method, path (with query) and the body as canonical JSON (keys sorted), so the same request
 * written with its keys in another order is still the same request. A streamed body (a CSV
 * import) cannot be compared without reading it, so the header is refused there.
 */
function hashRequest(request: FastifyRequest): string {
  const body = request.body;
  if (
    body !== null &&
    typeof body === 'object' &&
    typeof (body as { pipe?: unknown }).pipe === 'function'
  ) {
    throw new DomainError(
      'BAD_REQUEST',
      'Idempotency-Key is accepted on JSON bodies only, not on a streamed upload',
    );
  }
  const canonical = JSON.stringify(body ?? null, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : value,
  );
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonical}`)
    .digest('hex');
}
