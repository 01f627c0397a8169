import { AppError } from '@heinrich/core/app-error';
import { actorOf, auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import type { IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import type { IncidentStatus } from '@heinrich/db/incidents/transition-incident';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { authorizeIncidentAction } from './authorize-incident-action';
import { changeStatusIn } from './change-incident-status';
import { findIncident } from './find-incident';

export type BulkOutcome = 'changed' | 'unchanged' | 'forbidden' | 'not_found' | 'conflict';

export interface BulkResult {
  id: string;
  number: number | null;
  outcome: BulkOutcome;
  message: string | null;
  status: IncidentStatus | null;
}

/**
 * Acknowledge or resolve several incidents at once (the incident list's
 * "Acknowledge selected"). Each incident is authorized on its own (as POST
 * /incidents/{id}/acknowledge would be) and changed as that endpoint changes it
 * (changeStatusIn: its timeline entry, its outbox event); those the caller may
 * not act on, that do not exist or are resolved (acknowledging) are reported
 * per id and left alone. When the caller may act on none of them the answer is
 * that 403 (or 404), as for one incident. The changes and one audit entry
 * (`incident.bulk_acknowledge` / `incident.bulk_resolve`) commit together,
 * in id order (two bulk calls lock rows in the same order); the outbox events
 * are published after. Repeating changes nothing and audits nothing.
 */
export async function bulkSetIncidentStatus(
  ctx: Context,
  principal: Principal,
  ids: readonly string[],
  status: 'acknowledged' | 'resolved',
): Promise<{ changed: number; results: BulkResult[] }> {
  const action = status === 'acknowledged' ? 'acknowledge' : 'resolve';
  const results = new Map<string, BulkResult>();
  const allowed: IncidentRecord[] = [];
  let firstRefusal: AppError | undefined;
  for (const id of ids) {
    try {
      const incident = await findIncident(ctx, { id });
      try {
        await authorizeIncidentAction(ctx, principal, action === 'acknowledge' ? 'incident.acknowledge' : 'incident.resolve', incident);
        allowed.push(incident);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'forbidden') throw e;
        results.set(id, { id, number: incident.number, outcome: 'forbidden', message: e.message, status: null });
        firstRefusal ??= e;
      }
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'not_found') throw e;
      results.set(id, { id, number: null, outcome: 'not_found', message: e.message, status: null });
    }
  }
  if (allowed.length === 0) {
    const notFound = results.get(ids[0] ?? '');
    throw firstRefusal ?? new AppError('not_found', notFound?.message ?? 'No such incidents');
  }

  const actor = actorOf(principal);
  const { changed, outboxIds } = await withTransaction(ctx.db.pool, async (client) => {
    const changed: IncidentRecord[] = [];
    const outboxIds: string[] = [];
    for (const incident of [...allowed].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      try {
        const r = await changeStatusIn(client, incident.id, actor, action);
        results.set(incident.id, { id: incident.id, number: r.change.number, outcome: r.change.changed ? 'changed' : 'unchanged', message: null, status: r.change.status });
        if (r.change.changed) changed.push(incident);
        outboxIds.push(...r.outboxIds);
      } catch (e) {
        // acknowledging a resolved incident: refused before anything was written, the transaction goes on
        if (!(e instanceof AppError) || (e.code !== 'conflict' && e.code !== 'not_found')) throw e;
        results.set(incident.id, { id: incident.id, number: incident.number, outcome: e.code, message: e.message, status: e.code === 'conflict' ? 'resolved' : null });
      }
    }
    const first = changed[0];
    if (first) {
      await insertAuditEntry(client, auditActorOf(principal), {
        action: `incident.bulk_${action}`,
        entityType: 'incident',
        // one entry for the whole call: named by its first incident, all of them listed
        entityId: first.id,
        before: { incidents: changed.map((i) => ({ number: i.number, status: i.status })) },
        after: { status, incidents: changed.map((i) => i.number) },
      });
    }
    return { changed, outboxIds };
  });
  await ctx.publisher.publish(outboxIds);
  return { changed: changed.length, results: ids.map((id) => results.get(id)!) };
}
