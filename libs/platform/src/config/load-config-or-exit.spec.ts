import { EXIT_CONFIG, loadConfigOrExit } from './load-config-or-exit';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(32),
  PII_HMAC_KEY: Buffer.alloc(32, 1).toString('base64'),
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'),
};

describe(loadConfigOrExit.name, () => {
  let exit: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('returns the typed configuration of a valid environment', () => {
    expect(loadConfigOrExit({ ...valid, PORT: '8080' }).http.port).toBe(8080);
    expect(exit).not.toHaveBeenCalled();
  });

  it('exits 78 naming the malformed variable', () => {
    expect(() => loadConfigOrExit({ ...valid, REDIS_URL: 'not-a-url' })).toThrow('exit 78');
    expect(exit).toHaveBeenCalledWith(EXIT_CONFIG);
    expect(EXIT_CONFIG).toBe(78);
    expect(stderr).toHaveBeenCalledWith(
      expect.stringMatching(/REDIS_URL must be a redis:\/\/ URL/),
    );
  });
});
