import { findIncidentSuppression } from '@heinrich/db/incidents/find-incident-suppression';
import { isIncidentTopic, type IncidentTopic } from '@heinrich/core/incidents/incident-event-catalog';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { claimOutboxMessage } from '@heinrich/db/outbox/claim-outbox-message';
import { withTransaction } from '@heinrich/db/with-transaction';
import type pg from 'pg';
import type { Context } from '../context';
import { applyEffects, noEffects, type EngineEffects } from '../escalation/engine-effects';
import type { EscalationScheduler } from '../escalation/escalation-scheduler';
import { moveEscalation } from '../escalation/move-escalation';
import { startEscalation } from '../escalation/start-escalation';
import { stopEscalation } from '../escalation/stop-escalation';
import { applyMaintenanceHold } from '../maintenance/apply-maintenance-hold';
import { applyStormDecision } from '../storms/apply-storm-decision';

export type IncidentEventOutcome =
  | {
      handled: true;
      outboxId: string;
      topic: string;
      incidentId: string | null;
      /** ingest commit (outbox created_at, Postgres clock) to `now` (worker clock); never negative */
      lagMs: number;
      /** what the escalation engine did for this event */
      escalation: EngineEffects;
    }
  /** the outbox row was already gone: a duplicate or late job, nothing done */
  | { handled: false; outboxId: string };

/**
 * Handles one outbox event exactly once: in ONE transaction the row is claimed
 * (deleted) and the event's work is done, so a duplicate job, a relayed copy or
 * a retry after a crash finds nothing and does nothing.
 *
 * The work: a `dispatched` note on the incident timeline, and the escalation
 * engine's part in the same transaction: `incident.opened` begins the
 * escalation (step 1 is paged before this commits), `incident.acknowledged` and
 * `incident.resolved` stop it, `incident.escalate_requested` moves it on. After
 * commit the next step's delayed job is added (`escalations`, when a scheduler
 * is given; the sweeper covers a missing one).
 */
export async function handleIncidentEvent(
  ctx: Context,
  outboxId: string,
  now: Date,
  opts: { scheduler?: EscalationScheduler } = {},
): Promise<IncidentEventOutcome> {
  const outcome = await withTransaction<IncidentEventOutcome>(ctx.db.pool, async (client) => {
    const message = await claimOutboxMessage(client, outboxId);
    if (!message) return { handled: false, outboxId };
    // clamp: created_at comes from the database's clock, `now` from ours
    const lagMs = Math.max(0, now.getTime() - message.createdAt.getTime());
    let escalation = noEffects();
    if (message.incidentId) {
      await recordEvents(client, [
        {
          incidentId: message.incidentId,
          type: 'dispatched',
          message: `Worker received "${message.topic}"`,
          actor: 'worker',
          via: null,
          data: { outboxId: message.id, topic: message.topic, eventId: message.eventId, lagMs },
        },
      ]);
      escalation = await escalate(client, ctx, message.topic, message.incidentId, message.eventId, now);
    }
    return { handled: true, outboxId, topic: message.topic, incidentId: message.incidentId, lagMs, escalation };
  });
  if (outcome.handled) {
    await applyEffects(outcome.escalation, { scheduler: opts.scheduler, publish: (ids) => ctx.publisher.publish(ids) });
  }
  return outcome;
}

function escalate(client: pg.PoolClient, ctx: Context, stored: string, incidentId: string, eventId: string | null, now: Date): Promise<EngineEffects> {
  // a row of a topic no longer in the catalog (older rows) is claimed and does nothing
  if (!isIncidentTopic(stored)) return Promise.resolve(noEffects());
  const topic: IncidentTopic = stored;
  switch (topic) {
    case 'incident.opened':
      return openIncident(client, ctx, incidentId, now);
    case 'incident.acknowledged':
    case 'incident.resolved':
      return stopEscalation(client, incidentId, now);
    case 'incident.escalate_requested':
      return moveEscalation(client, incidentId, eventId, now, ctx.logger);
    case 'incident.alerts_added':
    case 'incident.retriggered':
      return Promise.resolve(noEffects());
    default: {
      const unhandled: never = topic;
      throw new Error(`unhandled outbox topic ${String(unhandled)}`);
    }
  }
}

/**
 * The order of the rules (docs/noise.md): an incident an alert rule suppressed pages no one; maintenance first (an incident held
 * by a maintenance window is not escalated, nor counted toward a storm; the
 * release pass pages it when the window ends), then storm mode (an incident
 * held by a storm is not escalated; the one that starts a storm escalates as its page).
 */
async function openIncident(client: pg.PoolClient, ctx: Context, incidentId: string, now: Date): Promise<EngineEffects> {
  // suppressed by an alert rule (docs/alert-rules.md): stored, pages no one, posts nothing; never held or released
  // by maintenance (there is nothing to release) and not counted toward a storm. The timeline entry was written at ingest.
  if (await findIncidentSuppression(client, incidentId)) return noEffects();
  if ((await applyMaintenanceHold(client, incidentId, now)).held) return { ...noEffects(), heldByMaintenance: 1 };
  const storm = await applyStormDecision(client, incidentId, now);
  if (storm.held) return { ...noEffects(), heldByStorm: 1 };
  const effects = await startEscalation(client, incidentId, now, ctx.logger);
  return storm.started ? { ...effects, stormsStarted: 1 } : effects;
}
