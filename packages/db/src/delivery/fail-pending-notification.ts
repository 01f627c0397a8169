import type pg from 'pg';

/** Marks a page failed (nothing left to try), if it is still pending. */
export async function failPendingNotification(client: pg.PoolClient, notificationId: string, at: Date): Promise<void> {
  await client.query(`UPDATE notifications SET status = 'failed', updated_at = $2 WHERE id = $1 AND status = 'pending'`, [notificationId, at]);
}
