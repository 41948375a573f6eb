// Real services and child processes take longer than jest's 5 s default.
jest.setTimeout(60_000);
