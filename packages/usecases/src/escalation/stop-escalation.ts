import { cancelPendingNotifications } from '@heinrich/db/escalation/cancel-pending-notifications';
import { lockEscalation } from '@heinrich/db/escalation/lock-escalation';
import { updateEscalation } from '@heinrich/db/escalation/update-escalation';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import type pg from 'pg';
import { ENGINE_ACTOR } from './advance-escalation';
import { noEffects, type EngineEffects } from './engine-effects';

const MINUTE = 60_000;

/**
 * Stops an incident's escalation (on `incident.acknowledged` / `incident.resolved`,
 * whichever path acknowledged it), in the transaction that claims the outbox
 * row: generation + 1 (so every job already enqueued finds nothing to claim),
 * pending pages cancelled, the pending job removed after commit. Decided by the
 * incident's state now, not by the event: a late event changes nothing wrong.
 * Acknowledged on a service with an acknowledgement timeout: the escalation
 * waits (status acknowledged) and triggers the incident again when it runs out.
 */
export async function stopEscalation(client: pg.PoolClient, incidentId: string, now: Date): Promise<EngineEffects> {
  const row = await lockEscalation(client, incidentId);
  if (!row || row.status === 'stopped') return noEffects();
  let status: 'stopped' | 'acknowledged';
  let nextDueAt: Date | null = null;
  if (row.incidentStatus === 'resolved') status = 'stopped';
  else if (row.incidentStatus === 'acknowledged') {
    if (row.status === 'acknowledged') return noEffects();
    status = row.ackTimeoutMinutes !== null ? 'acknowledged' : 'stopped';
    if (row.ackTimeoutMinutes !== null) nextDueAt = new Date(now.getTime() + row.ackTimeoutMinutes * MINUTE);
  } else return noEffects(); // triggered again since: this event is old news

  const generation = row.generation + 1;
  const cancelled = await cancelPendingNotifications(client, incidentId, now);
  await updateEscalation(client, incidentId, { baseCycle: row.baseCycle, cycle: row.cycle, step: row.step, generation, status, nextDueAt, at: now });
  const parts = [`Escalation stopped: the incident is ${row.incidentStatus}`];
  if (cancelled > 0) parts.push(`${cancelled} pending page${cancelled === 1 ? '' : 's'} cancelled`);
  if (nextDueAt) parts.push(`it triggers again at ${nextDueAt.toISOString()} unless resolved (acknowledgement timeout ${row.ackTimeoutMinutes} min)`);
  await recordEvents(client, [
    {
      incidentId,
      type: 'escalation_stopped',
      message: parts.join('; '),
      actor: ENGINE_ACTOR,
      via: null,
      data: { at: now.toISOString(), cycle: row.cycle, step: row.step, previousStatus: row.status, cancelledPages: cancelled, retriggerAt: nextDueAt?.toISOString() ?? null },
    },
  ]);
  const pending = row.status === 'active' || row.status === 'acknowledged';
  return {
    ...noEffects(),
    cancel: pending ? [{ incidentId, cycle: row.cycle, step: row.step, generation: row.generation }] : [],
    schedule: nextDueAt ? [{ ref: { incidentId, cycle: row.cycle, step: row.step, generation }, dueAt: nextDueAt }] : [],
  };
}
