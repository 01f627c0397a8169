import type pg from 'pg';

/**
 * Remembers a DM that a Slack delivery posted (channel D..., ts), so the sync
 * keeps it true like a channel post. `seq`: the timeline state it showed.
 * Idempotent per delivery (UNIQUE (incident_id, key)).
 */
export async function insertSlackDm(
  db: pg.Pool | pg.PoolClient,
  dm: { incidentId: string; deliveryId: string; slackUserId: string; channelId: string; ts: string; seq: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO slack_messages (id, incident_id, kind, target, key, delivery_id, status, channel_id, ts, attempts, wanted_seq, synced_seq, posted_at, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, 'dm', $3, $8, $2, 'posted', $4, $5, 1,
             GREATEST($6::bigint, coalesce((SELECT max(seq) FROM incident_events WHERE incident_id = $1), 0)), $6::bigint, $7, $7, $7)
     ON CONFLICT (incident_id, key) DO NOTHING`,
    [dm.incidentId, dm.deliveryId, dm.slackUserId, dm.channelId, dm.ts, dm.seq, dm.at, `delivery:${dm.deliveryId}`],
  );
}
