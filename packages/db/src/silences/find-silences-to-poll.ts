import type pg from 'pg';
import { SILENCE_COLUMNS, SILENCE_FROM, toSilenceRow, type SilenceDbRow, type SilenceRow } from './silence-row';

/**
 * Open silences (created in Alertmanager) of incidents not resolved: the ones
 * the poller asks Alertmanager about, least recently polled first.
 */
export async function findSilencesToPoll(pool: pg.Pool, limit: number): Promise<SilenceRow[]> {
  const r = await pool.query<SilenceDbRow>(
    `SELECT ${SILENCE_COLUMNS}
       FROM ${SILENCE_FROM} JOIN incidents i ON i.id = s.incident_id
      WHERE s.open_for IS NOT NULL AND s.silence_id IS NOT NULL AND i.status <> 'resolved'
      ORDER BY s.last_polled_at ASC NULLS FIRST
      LIMIT $1`,
    [limit],
  );
  return r.rows.map(toSilenceRow);
}

export async function markSilencePolled(db: pg.Pool | pg.PoolClient, id: string, at: Date): Promise<void> {
  await db.query(`UPDATE incident_silences SET last_polled_at = $2 WHERE id = $1`, [id, at]);
}
