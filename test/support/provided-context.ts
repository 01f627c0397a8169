// Values the integration global setup hands to test files (vitest provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test Postgres (TEST_DATABASE_URL or the default). */
    heinrichAdminDatabaseUrl: string;
    /** The migrated template every test database is cloned from. */
    heinrichTemplateDatabase: string;
    /** Prefix of this run's test databases; teardown drops any a test left behind. */
    heinrichTestDatabasePrefix: string;
    /** TEST_REDIS_URL or the default. */
    heinrichRedisUrl: string;
  }
}

export {};
