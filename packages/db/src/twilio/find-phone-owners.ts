import type pg from 'pg';

export interface PhoneOwner {
  userId: string;
  userName: string;
  contactMethodId: string;
  type: string;
  disabledAt: Date | null;
}

/** Users with an sms or voice method on this E.164 number, oldest method first. */
export async function findPhoneOwners(client: pg.PoolClient | pg.Pool, number: string): Promise<PhoneOwner[]> {
  const r = await client.query<PhoneOwner>(
    `SELECT cm.user_id AS "userId", u.name AS "userName", cm.id AS "contactMethodId", cm.type, cm.disabled_at AS "disabledAt"
       FROM contact_methods cm JOIN users u ON u.id = cm.user_id
      WHERE cm.value = $1 AND cm.type IN ('sms', 'voice') ORDER BY cm.created_at, cm.id`,
    [number],
  );
  return r.rows;
}

/**
 * STOP / START on a number: every sms method with this value is disabled
 * (reason kept) or enabled again. Returns the methods that changed.
 */
export async function setSmsOptOut(
  client: pg.PoolClient,
  number: string,
  optOut: { at: Date; reason: string } | null,
): Promise<{ id: string; userId: string }[]> {
  const r = optOut
    ? await client.query<{ id: string; userId: string }>(
        `UPDATE contact_methods SET disabled_at = $2, disabled_reason = $3 WHERE value = $1 AND type = 'sms' AND disabled_at IS NULL RETURNING id, user_id AS "userId"`,
        [number, optOut.at, optOut.reason],
      )
    : await client.query<{ id: string; userId: string }>(
        `UPDATE contact_methods SET disabled_at = NULL, disabled_reason = NULL WHERE value = $1 AND type = 'sms' AND disabled_at IS NOT NULL RETURNING id, user_id AS "userId"`,
        [number],
      );
  return r.rows;
}
