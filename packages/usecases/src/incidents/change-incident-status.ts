import { AppError } from '@heinrich/core/app-error';
import type { Actor } from '@heinrich/core/authz/principal';
import {
  acknowledgeIncidentRow,
  resolveIncidentRow,
  type IncidentStatus,
} from '@heinrich/db/incidents/transition-incident';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { resetFlapStateByHand } from '@heinrich/db/flapping/write-flap-state';
import { flapEndedByHand } from '@heinrich/core/noise/decide-flapping';
import { withTransaction } from '@heinrich/db/with-transaction';
import type pg from 'pg';
import type { Context } from '../context';

export interface StatusChange {
  id: string;
  number: number;
  status: IncidentStatus;
  changed: boolean;
}

/**
 * Acknowledge: stops escalation (the worker hears `incident.acknowledged`).
 * Acknowledging an acknowledged incident changes nothing and is not an error;
 * acknowledging a resolved one is a 409.
 */
export async function acknowledgeIncident(ctx: Context, incidentId: string, actor: Actor): Promise<StatusChange> {
  return changeStatus(ctx, incidentId, actor, 'acknowledge');
}

/** Resolve: final. Resolving a resolved incident changes nothing and is not an error. */
export async function resolveIncident(ctx: Context, incidentId: string, actor: Actor): Promise<StatusChange> {
  return changeStatus(ctx, incidentId, actor, 'resolve');
}

/** The same, inside a caller's transaction; returns the outbox ids to publish after commit. */
export async function changeStatusIn(
  client: pg.PoolClient,
  incidentId: string,
  actor: Actor,
  action: 'acknowledge' | 'resolve',
): Promise<{ change: StatusChange; outboxIds: string[] }> {
  const resolving = action === 'resolve' ? await resolveIncidentRow(client, incidentId, actor.id) : undefined;
  const result = resolving ?? (await acknowledgeIncidentRow(client, incidentId, actor.id));
  if (!result.incident) throw AppError.notFound('Incident', incidentId);
  const { id, number, status } = result.incident;
  if (!result.changed && action === 'acknowledge' && status === 'resolved') {
    throw new AppError('conflict', `Cannot acknowledge incident #${number}: it is resolved`);
  }
  const who = { incidentId: id, actor: actor.id, via: actor.via };
  const outboxIds = !result.changed
    ? []
    : action === 'acknowledge'
      ? await recordEvents(client, [{ ...who, type: 'acknowledged', message: `Acknowledged by ${actor.display} via ${actor.via}`, topic: 'incident.acknowledged' }])
      : await recordEvents(client, [
          {
            ...who,
            type: 'resolved',
            message: `Resolved by ${actor.display} via ${actor.via}`,
            data: { firingAlerts: resolving?.firingAlerts ?? 0 },
            topic: 'incident.resolved',
          },
          // a person's resolve ends its group's flap state (docs/noise.md "Flapping")
          ...(await flapEndedByHandEvents(client, id, who)),
        ]);
  return { change: { id, number, status, changed: result.changed }, outboxIds };
}

async function changeStatus(ctx: Context, incidentId: string, actor: Actor, action: 'acknowledge' | 'resolve') {
  const { change, outboxIds } = await withTransaction(ctx.db.pool, (client) => changeStatusIn(client, incidentId, actor, action));
  await ctx.publisher.publish(outboxIds);
  return change;
}

async function flapEndedByHandEvents(client: pg.PoolClient, incidentId: string, who: { incidentId: string; actor: string; via: string }) {
  const flap = await resetFlapStateByHand(client, incidentId);
  return flap?.wasFlapping ? [{ ...who, ...flapEndedByHand(flap.flapChanges) }] : [];
}
