import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigValidationError, exitGracefullyOnSignals, loadConfig } from '@onedoor/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    // A missing or malformed variable stops the process, naming it.
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApiApp(config);
  exitGracefullyOnSignals(app, app.get(Logger), 'api');
  await app.listen(config.http.port, config.http.host);
}

void main();
