import { claimDueHeldIncident, markReleased, type DueHeldIncident } from '@heinrich/db/maintenance/maintenance-hold';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { applyEffects, mergeEffects, noEffects, type EngineEffects } from '../escalation/engine-effects';
import type { EscalationScheduler } from '../escalation/escalation-scheduler';
import { ENGINE_ACTOR } from '../escalation/advance-escalation';
import { startEscalation } from '../escalation/start-escalation';
import { applyStormDecision } from '../storms/apply-storm-decision';

export interface ReleaseOutcome {
  /** incidents whose hold ended: paged, or left alone (resolved, acknowledged, nothing firing) */
  released: { incidentId: string; number: number; release: 'paged' | 'resolved' | 'acknowledged' | 'not_firing' }[];
  effects: EngineEffects;
}

/**
 * The maintenance release pass (a worker pass runner, apps/worker/src/maintenance-releaser.ts):
 * every held incident whose hold ended by `now` (its window ended by time,
 * PATCH or POST /end) is claimed, one per transaction, with FOR UPDATE SKIP
 * LOCKED and marked released in that same transaction, so two workers never
 * release (or page) one twice and a crash releases nothing half. One still
 * triggered with a firing alert pages now: a `maintenance_ended` entry ("still
 * firing when maintenance 'Upgrade PG' ended"), then storm detection as for a
 * new incident (counted from now), then its escalation. Resolved or
 * acknowledged ones, and ones with nothing firing, are released without a page.
 * The timers are Postgres rows: a Redis flush or a restart loses none.
 */
export async function releaseEndedMaintenance(
  ctx: Context,
  opts: { now?: Date; scheduler?: EscalationScheduler; limit?: number } = {},
): Promise<ReleaseOutcome> {
  const now = opts.now ?? ctx.now();
  const outcome: ReleaseOutcome = { released: [], effects: noEffects() };
  for (let i = 0; i < (opts.limit ?? 100); i++) {
    const one = await withTransaction(ctx.db.pool, async (client) => {
      const due = await claimDueHeldIncident(client, now);
      if (!due) return undefined;
      const release = releaseOf(due);
      await markReleased(client, due.id, release, now);
      await recordEvents(client, [
        {
          incidentId: due.id,
          type: 'maintenance_ended',
          data: { windowId: due.windowId, reason: due.reason, endedAt: due.until.toISOString(), release, firingAlerts: due.firingAlerts },
          message: message(due, release),
          actor: ENGINE_ACTOR,
          via: null,
        },
      ]);
      if (release !== 'paged') return { due, release, effects: noEffects() };
      const storm = await applyStormDecision(client, due.id, now);
      if (storm.held) return { due, release, effects: { ...noEffects(), heldByStorm: 1, releasedByMaintenance: 1 } };
      const effects = await startEscalation(client, due.id, now, ctx.logger);
      return { due, release, effects: { ...effects, stormsStarted: storm.started ? 1 : 0, releasedByMaintenance: 1 } };
    });
    if (!one) break;
    await applyEffects(one.effects, { ...(opts.scheduler ? { scheduler: opts.scheduler } : {}), publish: (ids) => ctx.publisher.publish(ids) });
    outcome.released.push({ incidentId: one.due.id, number: one.due.number, release: one.release });
    outcome.effects = mergeEffects(outcome.effects, one.effects);
  }
  return outcome;
}

function releaseOf(due: DueHeldIncident): 'paged' | 'resolved' | 'acknowledged' | 'not_firing' {
  if (due.status === 'resolved') return 'resolved';
  if (due.status === 'acknowledged') return 'acknowledged';
  return due.firingAlerts > 0 ? 'paged' : 'not_firing';
}

function message(due: DueHeldIncident, release: ReturnType<typeof releaseOf>): string {
  const name = `maintenance '${due.reason}'`;
  switch (release) {
    case 'paged':
      return `Still firing when ${name} ended (${due.firingAlerts} alert${due.firingAlerts === 1 ? '' : 's'}): paging now`;
    case 'resolved':
      return `${cap(name)} ended; the incident was resolved meanwhile: nobody paged`;
    case 'acknowledged':
      return `${cap(name)} ended; the incident was acknowledged meanwhile: nobody paged`;
    case 'not_firing':
      return `${cap(name)} ended; none of its alerts fires any more: nobody paged`;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
