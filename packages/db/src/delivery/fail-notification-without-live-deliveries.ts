import type pg from 'pg';

/**
 * Marks a page failed (pending, or sent: it counted as sent when the provider
 * took it) when none of its deliveries is queued, sending, sent or delivered.
 */
export async function failNotificationWithoutLiveDeliveries(client: pg.PoolClient, notificationId: string, at: Date): Promise<void> {
  await client.query(
    `UPDATE notifications n SET status = 'failed', updated_at = $2 WHERE n.id = $1 AND n.status IN ('pending', 'sent')
        AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = n.id AND d.status IN ('queued', 'sending', 'sent', 'delivered'))`,
    [notificationId, at],
  );
}
