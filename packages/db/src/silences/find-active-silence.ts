import type pg from 'pg';

export interface ActiveSilence {
  /** incident_silences.id */
  id: string;
  /** Alertmanager's silence id */
  alertmanagerSilenceId: string;
  endsAt: Date;
  /** who silenced it, as the timeline names them ("Alice") */
  createdByName: string;
}

/**
 * The incident's silence that is in force at `now`: created in Alertmanager,
 * not expired, not ended. Null otherwise (what the Slack message and the UI
 * show as "Silenced until ... by ...", with an Unsilence button).
 */
export async function findActiveSilence(db: pg.Pool | pg.PoolClient, incidentId: string, now: Date = new Date()): Promise<ActiveSilence | null> {
  const r = await db.query<{ id: string; silence_id: string; ends_at: Date; created_by_name: string }>(
    `SELECT id, silence_id, ends_at, created_by_name FROM incident_silences
      WHERE open_for = $1 AND silence_id IS NOT NULL AND ends_at > $2`,
    [incidentId, now],
  );
  const row = r.rows[0];
  return row ? { id: row.id, alertmanagerSilenceId: row.silence_id, endsAt: row.ends_at, createdByName: row.created_by_name } : null;
}
