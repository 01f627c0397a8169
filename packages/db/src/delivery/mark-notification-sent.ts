import type pg from 'pg';

/** A page counts as sent once one of its deliveries went out: the first channel that did is recorded. */
export async function markNotificationSent(client: pg.PoolClient, notificationId: string, channel: string, at: Date): Promise<void> {
  await client.query(`UPDATE notifications SET status = 'sent', channel = COALESCE(channel, $2), updated_at = $3 WHERE id = $1 AND status = 'pending'`, [notificationId, channel, at]);
}
