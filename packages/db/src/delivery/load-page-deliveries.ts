import type pg from 'pg';

/** What a fallback reads of a page besides its user: its next queued delivery, the methods tried, whether one is live. */
export interface PageDeliveries {
  queued: { id: string; channel: string; dueAt: Date } | null;
  tried: Set<string>;
  live: boolean;
}

/** The page's deliveries as a fallback reads them (in the caller's transaction). */
export async function loadPageDeliveries(client: pg.PoolClient, notificationId: string): Promise<PageDeliveries> {
  const queued = await client.query<{ id: string; channel: string; dueAt: Date }>(
    `SELECT id, channel, due_at AS "dueAt" FROM deliveries WHERE notification_id = $1 AND status = 'queued' ORDER BY due_at, created_at LIMIT 1`,
    [notificationId],
  );
  const tried = await client.query<{ contactMethodId: string }>(
    `SELECT contact_method_id AS "contactMethodId" FROM deliveries WHERE notification_id = $1 AND contact_method_id IS NOT NULL`,
    [notificationId],
  );
  const live = await client.query(
    `SELECT 1 FROM deliveries WHERE notification_id = $1 AND status IN ('queued', 'sending', 'sent', 'delivered') LIMIT 1`,
    [notificationId],
  );
  return { queued: queued.rows[0] ?? null, tried: new Set(tried.rows.map((r) => r.contactMethodId)), live: live.rows.length > 0 };
}
