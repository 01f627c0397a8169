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
  // one round trip: this runs in the engine's transaction for every page
  const r = await client.query<DeliveryTarget>(
    `SELECT u.id AS "userId", u.name AS "userName",
            COALESCE((SELECT json_agg(json_build_object('id', m.id, 'type', m.type, 'value', m.value,
                                                        'verified', m.verified_at IS NOT NULL AND m.disabled_at IS NULL) ORDER BY m.created_at, m.id)
                        FROM contact_methods m WHERE m.user_id = u.id), '[]') AS methods,
            COALESCE((SELECT json_agg(json_build_object('id', r.id, 'contactMethodId', r.contact_method_id, 'delayMinutes', r.delay_minutes,
                                                        'urgency', r.urgency) ORDER BY r.created_at, r.id)
                        FROM notification_rules r WHERE r.user_id = u.id), '[]') AS rules
       FROM users u WHERE u.id = ANY($1::uuid[])`,
    [userIds],
  );
  for (const t of r.rows) out.set(t.userId, t);
  return out;
}
