import type pg from 'pg';
import { SILENCE_COLUMNS, SILENCE_FROM, toSilenceRow, type SilenceDbRow, type SilenceRow } from './silence-row';

/**
 * The incident's open silence (being created, or created and not yet expired or
 * found ended), or null. `lock` takes it FOR UPDATE, so an unsilence and the
 * poller closing it don't both act.
 */
export async function findOpenSilence(db: pg.Pool | pg.PoolClient, incidentId: string, opts: { lock?: boolean } = {}): Promise<SilenceRow | null> {
  const r = await db.query<SilenceDbRow>(
    `SELECT ${SILENCE_COLUMNS} FROM ${SILENCE_FROM} WHERE s.open_for = $1${opts.lock ? ' FOR UPDATE OF s' : ''}`,
    [incidentId],
  );
  return r.rows[0] ? toSilenceRow(r.rows[0]) : null;
}
