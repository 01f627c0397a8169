import type { Tx } from '../with-transaction';

/** Closes an incident's open silence that ended (or was abandoned), so a new one can take its place. */
export async function closeEndedSilence(tx: Tx, id: string): Promise<void> {
  await tx.query(`UPDATE incident_silences SET open_for = NULL, expired_at = ends_at, expired_by = 'system' WHERE id = $1`, [id]);
}
