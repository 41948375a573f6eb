// Three tiers: unit specs beside the code (pure, no I/O); service specs in libs/<lib>/test
// (a lib's services and repositories on real PostgreSQL with the real migrations, no HTTP);
// e2e specs under tests/e2e (the real app over HTTP on real PostgreSQL and Redis, with the
// matcher process). swc transforms TypeScript with decorator metadata, as the build does.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
// jest resolves the aliases itself (moduleNameMapper), so swc leaves imports alone.
delete swcrc.jsc.baseUrl;
delete swcrc.jsc.paths;

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcrc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@onedoor/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@onedoor/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

module.exports = {
  // A worker that holds more than this once a spec file is done is replaced by a fresh one.
  // The e2e specs each boot the whole API; in one process their leftovers added up to the
  // 4 GB heap limit (a CI run died of it at the 63rd file), so e2e runs in one recycled
  // worker (--maxWorkers=1) rather than in band.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'service',
      testMatch: ['<rootDir>/libs/*/test/**/*.service-spec.ts'],
      globalSetup: '<rootDir>/tests/service/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/service/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/service/support/setup-service.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/setup-e2e.ts'],
    },
  ],
};
