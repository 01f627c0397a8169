import type pg from 'pg';

/** Marks pages planned (their deliveries are written): planning them again does nothing. */
export async function markPagesPlanned(client: pg.PoolClient, notificationIds: string[], at: Date): Promise<void> {
  await client.query(`UPDATE notifications SET planned_at = $2 WHERE id = ANY($1::uuid[])`, [notificationIds, at]);
}
