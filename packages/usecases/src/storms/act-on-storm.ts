import { actorOf, auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { lockStormIncidents, type StormRecord } from '@heinrich/db/storms/select-storms';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { authorizeIncidentAction } from '../incidents/authorize-incident-action';
import { changeStatusIn } from '../incidents/change-incident-status';
import { findIncident } from '../incidents/find-incident';
import { findStorm } from './get-storm';

export type StormAction = 'acknowledge' | 'resolve';

export interface StormActionResult {
  action: StormAction;
  /** the incidents this changed, oldest first */
  incidents: { id: string; number: number }[];
  storm: StormRecord;
}

/**
 * Acknowledge-all / resolve-all of a storm (docs/noise.md "Storm mode"): every
 * one of its incidents not yet acknowledged (resolved), the storm page
 * included, goes through the single-incident change (changeStatusIn): its
 * timeline entry and outbox event each, so escalations stop and messages
 * update as for one incident. Who may: whoever may acknowledge (resolve) the
 * storm page (its incidents are all of one service). One transaction with an
 * audit entry; the outbox events are published after it commits. Repeating
 * changes nothing (and audits nothing).
 */
export async function actOnStorm(ctx: Context, principal: Principal, stormId: string, action: StormAction): Promise<StormActionResult> {
  const storm = await findStorm(ctx, stormId);
  const page = await findIncident(ctx, { id: storm.pageIncident.id });
  await authorizeIncidentAction(ctx, principal, action === 'acknowledge' ? 'incident.acknowledge' : 'incident.resolve', page);
  const actor = actorOf(principal);
  const { changed, outboxIds } = await withTransaction(ctx.db.pool, async (client) => {
    const ids = await lockStormIncidents(client, stormId, action === 'acknowledge' ? ['triggered'] : ['triggered', 'acknowledged']);
    const changed: { id: string; number: number }[] = [];
    const outboxIds: string[] = [];
    for (const id of ids) {
      const r = await changeStatusIn(client, id, actor, action);
      if (!r.change.changed) continue;
      changed.push({ id: r.change.id, number: r.change.number });
      outboxIds.push(...r.outboxIds);
    }
    if (changed.length > 0) {
      await insertAuditEntry(client, auditActorOf(principal), {
        action: `storm.${action}`,
        entityType: 'storm',
        entityId: stormId,
        // the incidents as they were (by status) and which ones this changed
        before: { title: storm.title, serviceId: storm.serviceId, triggered: storm.totals.triggered, acknowledged: storm.totals.acknowledged, resolved: storm.totals.resolved },
        after: { title: storm.title, serviceId: storm.serviceId, changed: changed.length, incidents: changed.map((c) => c.number) },
      });
    }
    return { changed, outboxIds };
  });
  await ctx.publisher.publish(outboxIds);
  return { action, incidents: changed, storm: await findStorm(ctx, stormId) };
}
