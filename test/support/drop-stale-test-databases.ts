import pg from 'pg';

/** Advisory-lock namespace (first int of the two-int key) for "test run <pid> is alive". */
const RUN_LOCK_NAMESPACE = 0x4865_6e72; // "Henr"

/**
 * Marks this test run alive for as long as the returned connection is open: a
 * session advisory lock on (namespace, pid). Postgres drops it when the process
 * dies, however it dies, which is what lets later runs clean up after a crash.
 */
export async function holdRunLock(adminUrl: string, pid: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: `heinrich-test-run-${pid}` });
  client.on('error', () => {});
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1, $2)', [RUN_LOCK_NAMESPACE, pid]);
  return client;
}

/**
 * Drops template and test databases left by runs that were killed before their
 * teardown (their run lock is free). Databases of live runs, on this machine or
 * another one sharing the server, are left alone. Returns the names dropped.
 */
export async function dropStaleTestDatabases(admin: pg.ClientBase): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string; pid: string }>(
    `SELECT datname, substring(datname FROM '^heinrich_(?:tmpl|t)_([0-9]+)') AS pid
       FROM pg_database WHERE datname ~ '^heinrich_(tmpl_[0-9]+$|t_[0-9]+_)'`,
  );
  const dropped: string[] = [];
  for (const pid of new Set(rows.map((r) => Number(r.pid)))) {
    const { rows: lock } = await admin.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [RUN_LOCK_NAMESPACE, pid]);
    if (!lock[0]?.ok) continue; // that run is alive
    try {
      for (const { datname } of rows.filter((r) => Number(r.pid) === pid)) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
        dropped.push(datname);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1, $2)', [RUN_LOCK_NAMESPACE, pid]);
    }
  }
  return dropped;
}
