import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AllExceptionsFilter, type ErrorTranslator } from '../errors/all-exceptions.filter';
import type { ErrorStatusMap } from '../errors/error-codes';
import { validationExceptionFactory } from '../errors/validation';
import { documentIdempotencyKey } from './idempotency/idempotency.openapi';
import { registerInputGuards } from './input-guard';

/** Every controller route is served under this prefix. */
export const API_PREFIX = 'api';

export function buildOpenApiDocument(
  app: INestApplication,
  errorStatus?: ErrorStatusMap,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('OneDoor API')
    .setDescription(
      'One door from households in difficulty to the social assistance that exists for them: ' +
        'resource pool, households and assessments, matching, referrals, service purchasing and ' +
        'coverage reporting. Every error answers `{ statusCode, error, code, message, details? }`.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://onedoor.invalid/license')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addTag('auth', 'Login and the current user')
    .addTag('health', 'Liveness and readiness')
    .addTag('dictionaries', 'Labels in Chinese and English for every code the API answers with')
    .addTag('areas', 'The area tree: city > district > street > community')
    .addTag('audit', 'Append-only history of state changes')
    .addTag(
      'providers',
      'Government departments, charities, enterprises and social-work organizations',
    )
    .addTag('categories', 'The taxonomy shared by needs and resources')
    .addTag(
      'resources',
      'The resource pool: what providers offer, where, to whom, how much is left',
    )
    .addTag('exports', 'Open Referral HSDS export of the resource pool')
    .addTag(
      'households',
      'Households in difficulty, their members and needs (personal data protected)',
    )
    .addTag('assessments', 'Comprehensive assessments, templates, tiers and needs')
    .addTag('matching', 'Match proposals with explanations, and why candidates were excluded')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Public routes (@Public(): login, health) say so explicitly with an empty requirement,
  // so every operation declares its security and clients never guess.
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  documentIdempotencyKey(document);
  // Every code a client can meet, from the program's composed map.
  const code = (document.components?.schemas?.ErrorBodyDto as SchemaObject | undefined)?.properties
    ?.code as SchemaObject | undefined;
  if (code && errorStatus) code.enum = Object.keys(errorStatus).sort();
  return document;
}

/**
 * Everything an HTTP app needs besides its modules: validation, the error filter (over the
 * program's composed error-code map, answering in the request's language through `translate`), security
 * headers and the OpenAPI document. main.ts and the e2e tests both call it, so tests
 * exercise the app exactly as it runs.
 */
export async function configureHttpApp(
  app: NestFastifyApplication,
  errorStatus: ErrorStatusMap,
  translate?: ErrorTranslator,
): Promise<void> {
  // The HTTP API lives under /api so that the web console owns `/`. Swagger stays at /docs
  // and /docs-json (SwaggerModule ignores the prefix unless told otherwise).
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // The factory reads each constraint's parameters (min, max…) from the target's metadata.
      validationError: { target: true },
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter(errorStatus, translate));
  registerInputGuards(app.getHttpAdapter().getInstance());
  // Imports arrive as a stream: CSV parsed row by row, never buffered whole; xlsx (and a .csv
  // that Windows labels vnd.ms-excel) read by the import route up to its size limit.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      [
        'text/csv',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.ms-excel',
      ],
      (_request, payload, done) => done(null, payload),
    );
  // Uploads (readUpload): one file per request, read as a stream. The part is cut one byte past
  // the limit so the store, which counts, tells "exactly the limit" from "over it".
  const { files } = app.get<typeof APP_CONFIG, AppConfig>(APP_CONFIG);
  await app.register(multipart, {
    limits: { fileSize: files.maxBytes + 1, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
  });
  // Echo the request id so a caller can quote it when reporting a problem.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  await app.register(helmet, {
    // Swagger UI needs inline styles and scripts; everything else is JSON.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
  });
  const document = buildOpenApiDocument(app, errorStatus);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
