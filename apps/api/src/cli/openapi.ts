import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, buildOpenApiDocument, loadConfig } from '@onedoor/platform';
import { ApiModule } from '../api.module';
import { ERROR_STATUS } from '../error-status';

/**
 * `node dist/apps/api/src/cli/openapi.js <file>`: writes the API's OpenAPI document without a
 * database or Redis. Nest's preview mode scans modules and routes but instantiates no provider,
 * so the document is the running API's own (the console's client is generated from it at build
 * time, and cannot drift from the API). The placeholder settings below are never used to connect.
 */
async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const placeholder = Buffer.alloc(32).toString('base64');
  const config = loadConfig({
    DATABASE_URL: 'postgres://preview:preview@127.0.0.1:1/preview',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: 'preview-'.repeat(8),
    PII_HMAC_KEY: placeholder,
    PII_ENCRYPTION_KEY: placeholder,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix(API_PREFIX);
  const json = JSON.stringify(buildOpenApiDocument(app, ERROR_STATUS), null, 2);
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
  } else {
    process.stdout.write(json);
  }
  await app.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
