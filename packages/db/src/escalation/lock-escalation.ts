import type pg from 'pg';
import { ESCALATION_COLUMNS, type EscalationRow } from './escalation-row';

/**
 * Locks an incident's escalation row (FOR UPDATE) and its incident (FOR SHARE)
 * for the caller's transaction and reads both. The incident lock makes an
 * acknowledgement wait for a step being decided, or the step see the
 * acknowledgement: never a page decided on an incident already acknowledged.
 * `skipLocked` (the sweeper): undefined when another transaction holds either,
 * instead of waiting. Undefined when the incident has no escalation.
 */
export async function lockEscalation(
  client: pg.PoolClient,
  incidentId: string,
  opts: { skipLocked?: boolean } = {},
): Promise<EscalationRow | undefined> {
  const skip = opts.skipLocked ? ' SKIP LOCKED' : '';
  const r = await client.query<EscalationRow>(
    `SELECT ${ESCALATION_COLUMNS}
       FROM incident_escalations e
       JOIN incidents i ON i.id = e.incident_id
       JOIN services s ON s.id = i.service_id
      WHERE e.incident_id = $1
        FOR UPDATE OF e${skip} FOR SHARE OF i${skip}`,
    [incidentId],
  );
  return r.rows[0];
}
