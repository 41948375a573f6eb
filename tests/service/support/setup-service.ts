// Each worker runs on its own copy of the migrated template (see global-setup.ts).
const url = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
url.pathname = `/${process.env.TEST_DATABASE_PREFIX}_w${process.env.JEST_WORKER_ID ?? '1'}`;
process.env.DATABASE_URL = url.toString();

// Real PostgreSQL and Redis take longer than jest's 5 s default.
jest.setTimeout(30_000);
