import type { Logger } from '@heinrich/config/logger';
import { stepLabel } from '@heinrich/core/escalation/describe-escalation';
import { manualEscalationTarget } from '@heinrich/core/escalation/manual-escalation';
import { isIncidentEvent, readIncidentEvent } from '@heinrich/core/incidents/incident-event-catalog';
import { findEventData } from '@heinrich/db/escalation/find-event-data';
import { lockEscalation } from '@heinrich/db/escalation/lock-escalation';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import type pg from 'pg';
import { advanceEscalation, ENGINE_ACTOR } from './advance-escalation';
import { noEffects, type EngineEffects } from './engine-effects';
import { escalationRunOf } from './escalation-run-of';

/**
 * "Escalate now" (on `incident.escalate_requested`, written by the API with
 * the request's `toStep`), in the transaction that claims the outbox row:
 * generation + 1 (the pending job finds nothing) and the target step entered
 * now. Decided on the escalation as it is now: if a step fired since the
 * request, "the next step" is the one after it.
 */
export async function moveEscalation(client: pg.PoolClient, incidentId: string, eventId: string | null, now: Date, logger: Logger): Promise<EngineEffects> {
  const request = eventId ? await findEventData(client, eventId) : undefined;
  // the request as the catalog reads it: a row of another type, or with data that does not match, asks for the next step
  const read = request ? readIncidentEvent(request) : undefined;
  const requested = read && isIncidentEvent(read, 'escalation_requested') ? read.data.toStep : undefined;
  const toStep = typeof requested === 'number' ? requested - 1 : undefined;
  const row = await lockEscalation(client, incidentId);
  const notMoved = async (why: string) => {
    await recordEvents(client, [{ incidentId, type: 'escalation_not_moved', message: `Escalation not moved: ${why}`, actor: ENGINE_ACTOR, via: null }]);
    return noEffects();
  };
  if (!row) return notMoved('the incident has no escalation');
  if (row.incidentStatus !== 'triggered') return notMoved(`the incident is ${row.incidentStatus}`);
  const run = escalationRunOf(row);
  const move = manualEscalationTarget(run, row, toStep);
  if (!move.ok) return notMoved(move.field ? `toStep ${move.reason}` : move.reason);
  const moved = { ...run, baseCycle: move.baseCycle };
  await recordEvents(client, [
    {
      incidentId,
      type: 'escalation_moved',
      message: `Escalation moved on by hand: ${stepLabel(moved, move.position)} now`,
      actor: request?.actor ?? ENGINE_ACTOR,
      via: null,
      data: { from: { cycle: row.cycle, step: row.step, status: row.status }, to: move.position, requestEventId: eventId },
    },
  ]);
  const effects = await advanceEscalation(client, { incidentId, run: moved, from: move.position, generation: row.generation + 1, now, logger });
  return row.status === 'active' ? { ...effects, cancel: [{ incidentId, cycle: row.cycle, step: row.step, generation: row.generation }] } : effects;
}
