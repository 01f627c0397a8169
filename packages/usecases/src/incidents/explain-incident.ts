import { explainAlertRules } from '@heinrich/core/alert-rules/explain-alert-rules';
import { redactDeliveryEvent } from '@heinrich/core/delivery/redact-delivery-event';
import { isIncidentEvent, readIncidentEvent, type StoredIncidentEvent } from '@heinrich/core/incidents/incident-event-catalog';
import { AppError } from '@heinrich/core/app-error';
import { explainPaging, type ExplainContext, type PersonExplanation } from '@heinrich/core/delivery/explain-paging';
import { explainPagingPeople } from '@heinrich/core/delivery/explain-paging-people';
import type { EscalationPolicy } from '@heinrich/core/escalation/escalation-policy';
import { findEscalationPolicySnapshot } from '@heinrich/db/escalation/find-escalation-policy-snapshot';
import { loadTargetData } from '@heinrich/db/escalation/load-target-data';
import { listIncidentEvents } from '@heinrich/db/incidents/list-incident-events';
import { listPagedUserIds } from '@heinrich/db/incidents/list-paged-user-ids';
import type { IncidentRecord } from '@heinrich/db/incidents/select-incidents';
import { findUserNames } from '@heinrich/db/users/find-user-names';
import { findEscalationPolicy } from '@heinrich/db/escalation-policies/find-escalation-policy';
import { findServiceById } from '@heinrich/db/services/find-service-by-id';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { findIncident, type IncidentRef } from './find-incident';

/**
 * "Why was (or wasn't) X paged?" for an incident, from its recorded events and
 * the policy snapshot its escalation ran: everyone the record or the policy
 * names (paged, on call in a layer, replaced by an override, named in a step,
 * members of its schedules), or the one person asked about (`userId`).
 * Schedule members are those of the revision in force when the incident opened.
 * An incident held by a storm is explained against its storm page's policy: its
 * people were not paged because the storm held it (core's held_by_storm).
 * One opened under a maintenance window is explained against its service's
 * policy while it has no escalation of its own, and says which window held
 * it, since when and until when (core's held_by_maintenance).
 */
export async function explainIncident(
  ctx: Context,
  ref: IncidentRef,
  userId?: string,
): Promise<{ incident: IncidentRecord; people: PersonExplanation[]; alertRules: string[] }> {
  const incident = await findIncident(ctx, ref);
  const events = (await listIncidentEvents(ctx.db.pool, incident.id)).map(redactDeliveryEvent);
  // a maintenance-held incident ran no escalation while held (or none at all, released without a page): its service's policy names who would ask
  const servicePolicy = incident.maintenance ? await policyOfService(ctx, incident.serviceId) : null;
  const context = await withTransaction(ctx.db.pool, async (client): Promise<ExplainContext & { users: Map<string, string> }> => {
    // a storm-held incident ran no escalation of its own: the people its storm page's policy names are who would ask
    const stormPageId = incident.stormRole === 'held' ? stormPageOf(events) : undefined;
    const policy = ((await findEscalationPolicySnapshot(client, incident.id)) ??
      (stormPageId ? await findEscalationPolicySnapshot(client, stormPageId) : null) ??
      servicePolicy) as EscalationPolicy | null;
    const targets = (policy?.steps ?? []).flatMap((s) => s.targets);
    const data = await loadTargetData(client, {
      userIds: uuids(targets.filter((t) => t.type === 'user').map((t) => t.id)),
      scheduleIds: uuids(targets.filter((t) => t.type === 'schedule').map((t) => t.id)),
      teamId: null,
      at: incident.createdAt,
    });
    const schedules = new Map(
      [...data.schedules.values()].map((s) => [
        s.id,
        { name: s.name, layers: (Array.isArray(s.layers) ? (s.layers as { name: string; members: string[] }[]) : []).map((l) => ({ layerName: l.name, members: l.members })) },
      ]),
    );
    return { steps: policy?.steps ?? [], schedules, users: data.users };
  });
  const ids = userId ? [userId] : explainPagingPeople(events, context);
  if (!userId) {
    // a page no event names yet (the planner has not run) still counts
    for (const pagedId of await listPagedUserIds(ctx.db.pool, incident.id)) if (!ids.includes(pagedId)) ids.push(pagedId);
  }
  const mentioned = new Set([...ids, ...explainPagingPeople(events, {})]);
  const users = [...(await findUserNames(ctx.db.pool, uuids([...mentioned])))].map(([id, name]) => ({ id, name }));
  const names = new Map([...context.users, ...users.map((u): [string, string] => [u.id, u.name])]);
  // people who no longer exist are left out; paged first, then by name
  const people = users.filter((u) => ids.includes(u.id)).sort((a, b) => a.name.localeCompare(b.name));
  if (userId && people.length === 0) throw AppError.notFound('User', userId);
  const maintenance = incident.maintenance ? { until: incident.maintenance.until, releasedAt: incident.maintenance.releasedAt } : null;
  const explained = explainPaging(events, people, { ...context, names, maintenance });
  return { incident, people: [...explained.filter((p) => p.paged), ...explained.filter((p) => !p.paged)], alertRules: explainAlertRules(events) };
}

/** The policy the service pages through now (null: none, or deleted). */
async function policyOfService(ctx: Context, serviceId: string): Promise<EscalationPolicy | null> {
  const service = await findServiceById(ctx.db.pool, serviceId);
  if (!service?.escalationPolicyId) return null;
  const policy = await findEscalationPolicy(ctx.db.pool, service.escalationPolicyId);
  return policy ? { id: policy.id, name: policy.name, teamId: policy.teamId, repeat: policy.repeat, steps: policy.steps } : null;
}

/** The storm page a held incident's storm_held entry names (entries written before it was recorded name none). */
function stormPageOf(events: readonly StoredIncidentEvent[]): string | undefined {
  for (const e of events.map(readIncidentEvent)) if (isIncidentEvent(e, 'storm_held') && e.data.pageIncidentId) return e.data.pageIncidentId;
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuids(ids: string[]): string[] {
  return [...new Set(ids.filter((id) => UUID.test(id)))];
}
