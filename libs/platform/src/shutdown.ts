import type { Server as HttpServer, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { RETRY_AFTER_SECONDS } from './errors/all-exceptions.filter';

/** How long in-flight requests may take to finish after a signal before their sockets are cut. */
const DRAIN_LIMIT_MS = 10_000;
/**
 * Requests keep being taken (and answered 503) until none has arrived for this long, at most
 * {@link ACCEPT_LIMIT_MS}: a connection still waiting to be accepted when the listening socket
 * closes is reset by the kernel, and its client cannot tell that nothing was done.
 */
const DRAIN_QUIET_MS = 150;
const ACCEPT_LIMIT_MS = 2_000;

/** What the Fastify instance offers that the drain uses (a hook before requests are handled). */
interface HookableHttp {
  addHook(
    name: 'onRequest',
    hook: (
      req: unknown,
      reply: { hijack(): void; raw: ServerResponse },
      done: (err?: Error) => void,
    ) => void,
  ): unknown;
}

const SHUTTING_DOWN_BODY = JSON.stringify({
  statusCode: 503,
  error: 'Service Unavailable',
  code: 'SERVICE_UNAVAILABLE',
  message: 'The server is shutting down; retry the request',
});

type HttpApp = INestApplicationContext & {
  getHttpServer(): HttpServer;
  getHttpAdapter(): { getInstance(): HookableHttp };
};

const isHttpApp = (app: INestApplicationContext): app is HttpApp =>
  typeof (app as Partial<HttpApp>).getHttpServer === 'function';

/**
 * Tracks the HTTP server's requests so that a shutdown can drain them. Once closing, every
 * response still to be written says `Connection: close`, so keep-alive sockets end after their
 * answer instead of idling for the keep-alive timeout (72 s in Fastify), and a request that
 * arrives after the signal is answered 503 at once, before any handler runs: a client learns
 * that nothing was done, where a reset would leave it guessing.
 */
class HttpDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private lastActivity = 0;
  private closing = false;

  constructor(
    private readonly server: HttpServer,
    fastify: HookableHttp,
  ) {
    fastify.addHook('onRequest', (_req, reply, done) => {
      if (!this.closing) return done();
      // Written raw (the one error body's shape): no handler, filter or hook runs for it.
      reply.hijack();
      reply.raw.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
        'retry-after': String(RETRY_AFTER_SECONDS),
      });
      reply.raw.end(SHUTTING_DOWN_BODY);
    });
    // Listens after the framework's own listener: headers are not sent yet for an async handler.
    server.on('request', (_req, res: ServerResponse) => {
      this.inFlight.add(res);
      this.lastActivity = Date.now();
      if (this.closing) this.closeAfter(res);
      res.once('close', () => {
        this.inFlight.delete(res);
        this.lastActivity = Date.now();
      });
    });
  }

  /**
   * Lets the requests in flight finish (each answer closes its socket), then stops listening,
   * answers what still arrives on open sockets, and closes the sockets left idle. Node's
   * `server.close()` would close idle sockets at once, including those whose request has
   * arrived but is not parsed yet (a reset for a request the client has sent), so the
   * listening socket is closed alone, and the idle ones only once nothing is moving.
   */
  async drain(): Promise<{ drained: boolean; cut: number }> {
    this.closing = true;
    // An event stream (live notifications) never finishes by itself: end it now, and its
    // client reconnects, with Last-Event-ID, to an instance that is staying.
    for (const res of this.inFlight) {
      if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) res.end();
    }
    const before = new Set(this.inFlight);
    for (const res of before) {
      this.closeAfter(res);
      res.once('close', () => before.delete(res));
    }
    const start = Date.now();
    const until = async (done: () => boolean, limitMs = DRAIN_LIMIT_MS) => {
      while (!done() && Date.now() - start < limitMs) await new Promise((r) => setTimeout(r, 25));
    };
    const quiet = () => Date.now() - this.lastActivity >= DRAIN_QUIET_MS;
    // Requests taken before the signal run to their end; meanwhile new ones get the 503.
    await until(() => before.size === 0 && quiet(), ACCEPT_LIMIT_MS);
    if (this.server.listening) NetServer.prototype.close.call(this.server);
    await until(() => before.size === 0 && this.inFlight.size === 0 && quiet());
    const cut = this.inFlight.size;
    this.server.closeIdleConnections();
    // Past the limit, what is still running is cut rather than holding the exit.
    if (cut > 0) this.server.closeAllConnections();
    return { drained: cut === 0, cut };
  }

  private closeAfter(res: ServerResponse): void {
    if (!res.headersSent) res.setHeader('connection', 'close');
  }
}

/**
 * On SIGTERM or SIGINT: close the app, then exit 0. An HTTP app first stops accepting, finishes
 * the requests in flight (never cutting one whose write may have committed, within
 * {@link DRAIN_LIMIT_MS}) and closes its keep-alive sockets; then the app closes (BullMQ workers
 * finish the job in hand, connections close). Nest's own shutdown hooks re-raise the signal
 * after closing, which reads as a crash to supervisors; a second signal forces exit 1.
 * Call it before `listen`.
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  name: string,
): void {
  const http = isHttpApp(app)
    ? new HttpDrain(app.getHttpServer(), app.getHttpAdapter().getInstance())
    : undefined;
  let closing = false;
  const shutDown = async (signal: NodeJS.Signals) => {
    logger.log(`${name}: ${signal} received, shutting down`);
    if (http) {
      const { drained, cut } = await http.drain();
      if (drained) logger.log(`${name}: requests in flight finished`);
      else logger.warn(`${name}: ${cut} requests still running after ${DRAIN_LIMIT_MS} ms, cut`);
    }
    await app.close();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn(`${name}: second ${signal}, exiting now`);
      process.exit(1);
    }
    closing = true;
    shutDown(signal).then(
      () => {
        logger.log(`${name} stopped`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`${name}: error while shutting down: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
