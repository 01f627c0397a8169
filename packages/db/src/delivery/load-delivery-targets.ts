import type pg from 'pg';

export interface DeliveryTarget {
  userId: string;
  userName: string;
  methods: { id: string; type: string; value: string; verified: boolean }[];
  rules: { id: string; contactMethodId: string; delayMinutes: number; urgency: string }[];
}

/**
 * Each user's name, contact methods (oldest first) and personal rules (oldest
 * first): what a delivery plan needs. A number that opted out (STOP) counts as
 * unverified until it opts in again.
 */
export async function loadDeliveryTargets(client: pg.PoolClient, userIds: string[]): Promise<Map<string, DeliveryTarget>> {
  const out = new Map<string, DeliveryTarget>();
  if (userIds.length === 0) return out;
  const users = await client.query<{ id: string; name: string }>(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [userIds]);
  for (const u of users.rows) out.set(u.id, { userId: u.id, userName: u.name, methods: [], rules: [] });
  const methods = await client.query<{ userId: string; id: string; type: string; value: string; verified: boolean }>(
    `SELECT user_id AS "userId", id, type, value, verified_at IS NOT NULL AND disabled_at IS NULL AS verified
       FROM contact_methods WHERE user_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [userIds],
  );
  for (const m of methods.rows) out.get(m.userId)?.methods.push({ id: m.id, type: m.type, value: m.value, verified: m.verified });
  const rules = await client.query<{ userId: string; id: string; contactMethodId: string; delayMinutes: number; urgency: string }>(
    `SELECT user_id AS "userId", id, contact_method_id AS "contactMethodId", delay_minutes AS "delayMinutes", urgency
       FROM notification_rules WHERE user_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [userIds],
  );
  for (const r of rules.rows) out.get(r.userId)?.rules.push({ id: r.id, contactMethodId: r.contactMethodId, delayMinutes: r.delayMinutes, urgency: r.urgency });
  return out;
}
