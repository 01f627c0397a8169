import type pg from 'pg';

const REUSE_AFTER_MS = 3600_000;

/**
 * The recipient's short code for an incident, in the caller's transaction:
 * the one already given, else the smallest number not held by another of the
 * user's unresolved incidents (a code is taken over an hour after its incident
 * resolved, so a late reply to an old page cannot act on a new incident). The
 * user row is locked so two pages to one person at once cannot pick the same
 * number; (user, code) is the primary key besides.
 */
export async function allocateReplyCode(client: pg.PoolClient, userId: string, incidentId: string, now: Date): Promise<number> {
  const existing = await client.query<{ code: number }>(`SELECT code FROM sms_reply_codes WHERE user_id = $1 AND incident_id = $2`, [userId, incidentId]);
  if (existing.rows[0]) return existing.rows[0].code;
  await client.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  const again = await client.query<{ code: number }>(`SELECT code FROM sms_reply_codes WHERE user_id = $1 AND incident_id = $2`, [userId, incidentId]);
  if (again.rows[0]) return again.rows[0].code;
  const held = await client.query<{ code: number }>(
    `SELECT r.code FROM sms_reply_codes r JOIN incidents i ON i.id = r.incident_id WHERE r.user_id = $1 AND (i.status <> 'resolved' OR i.resolved_at > now() - $2 * interval '1 millisecond')`,
    // resolved_at is written by Postgres' clock (transition-incident), so it is compared with that clock
    [userId, REUSE_AFTER_MS],
  );
  const taken = new Set(held.rows.map((r) => r.code));
  let code = 1;
  while (taken.has(code)) code++;
  await client.query(`DELETE FROM sms_reply_codes WHERE user_id = $1 AND code = $2`, [userId, code]);
  await client.query(`INSERT INTO sms_reply_codes (user_id, code, incident_id, created_at) VALUES ($1, $2, $3, $4)`, [userId, code, incidentId, now]);
  return code;
}

/** The incident a user's code names, or undefined. */
export async function findReplyCode(client: pg.PoolClient | pg.Pool, userId: string, code: number): Promise<string | undefined> {
  const r = await client.query<{ incidentId: string }>(`SELECT incident_id AS "incidentId" FROM sms_reply_codes WHERE user_id = $1 AND code = $2`, [userId, code]);
  return r.rows[0]?.incidentId;
}
