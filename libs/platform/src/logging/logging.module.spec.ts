import type { AppConfig } from '../config/app-config';
import { loggerParams } from './logging.module';

const config = (env: AppConfig['env']) =>
  ({ env, serviceName: 'onedoor-test', log: { level: 'info' } }) as AppConfig;
const transportOf = (params: ReturnType<typeof loggerParams>) =>
  (params.pinoHttp as { transport?: { target: string } }).transport;

describe(loggerParams.name, () => {
  it('pretty-prints in development', () => {
    expect(transportOf(loggerParams(config('development')))).toMatchObject({
      target: 'pino-pretty',
    });
  });

  it.each(['test', 'production'] as const)('writes JSON lines in %s', (env) => {
    expect(transportOf(loggerParams(config(env), () => true))).toBeUndefined();
  });

  it('falls back to JSON in development when pino-pretty is not installed', () => {
    expect(transportOf(loggerParams(config('development'), () => false))).toBeUndefined();
  });
});
