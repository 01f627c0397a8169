// Where the integration tests find their services. Test-only code, so reading the
// environment here is fine; product code gets its config from loadConfig.

/** An admin connection (may CREATE/DROP DATABASE); its own database is never written to. */
export function testAdminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** The same server and credentials as `adminUrl`, pointing at database `name`. */
export function databaseUrlFor(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
