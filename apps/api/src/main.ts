import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { exitGracefullyOnSignals, loadConfigOrExit } from '@onedoor/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  exitGracefullyOnSignals(app, app.get(Logger), 'api');
  await app.listen(config.http.port, config.http.host);
}

void main();
