import { randomUUID } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { principalId, type Principal } from '@heinrich/core/authz/principal';
import type { EscalationPolicy, EscalationTarget } from '@heinrich/core/escalation/escalation-policy';
import type { IncomingAlert } from '@heinrich/core/incoming-alert';
import { setIncidentAssignment } from '@heinrich/db/incidents/set-incident-assignment';
import { findScheduleHeader } from '@heinrich/db/schedules/find-schedule-header';
import { findUserRef } from '@heinrich/db/users/find-user-ref';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { commitBatch } from '../ingest/commit-batch';
import { findServiceOwner } from '../services/find-service-owner';

export interface NewManualIncident {
  serviceId: string;
  title: string;
  details?: string | undefined;
  severity: 'critical' | 'error' | 'warning' | 'info';
  /** page these directly instead of the service's policy */
  assignTo?: { type: 'user' | 'schedule'; id: string }[] | undefined;
}

/**
 * A manual incident on a service, opened by a person (PagerDuty's "New
 * incident"). It goes through the same path as an alert: one occurrence, its
 * own group (so it never merges with another incident), the `opened` timeline
 * event and outbox row in one transaction; the worker then escalates it. With
 * `assignTo` the escalation pages those users (or whoever those schedules have
 * on call) in one step instead of running the service's policy ("page Alice
 * now"); it is stored on the incident, so the engine reads it like a policy.
 */
export async function createManualIncident(ctx: Context, principal: Principal, input: NewManualIncident): Promise<{ id: string; number: number }> {
  const owner = await findServiceOwner(ctx.db.pool, input.serviceId);
  requireAllowed(principal, 'incident.create', { service: owner.name, team: owner.team });
  const assignment = input.assignTo ? await directPolicy(ctx, input.assignTo, owner.team?.id ?? null) : null;

  const key = `manual:${randomUUID()}`;
  const labels: Record<string, string> = { alertname: input.title, severity: input.severity, source: 'manual' };
  const annotations: Record<string, string> = { summary: input.title, ...(input.details ? { description: input.details } : {}) };
  const alert: IncomingAlert = {
    fingerprint: key.replace(':', '-'),
    startsAt: ctx.now().toISOString(),
    endsAt: null,
    status: 'firing',
    labels,
    annotations,
    generatorUrl: null,
    severity: input.severity,
    group: { key, keyHash: sha256Hex(key), labels: {}, title: input.title },
  };
  let incident: { id: string; number: number } | undefined;
  await commitBatch(ctx, {
    groups: [{ serviceId: owner.id, keyHash: alert.group.keyHash }],
    load: async () => [
      { serviceId: owner.id, autoResolve: false, alerts: [alert], truncatedAlerts: null, via: principal.via, actor: principalId(principal) },
    ],
    async after(client, [summary]) {
      incident = summary!.incidents[0]!;
      if (assignment) await setIncidentAssignment(client, incident.id, assignment);
    },
  });
  return incident!;
}

/** A one-step policy paging the named users and schedules; each must exist (400 naming it). */
async function directPolicy(ctx: Context, targets: EscalationTarget[], teamId: string | null): Promise<EscalationPolicy> {
  const names: string[] = [];
  const fields: { path: string; message: string }[] = [];
  for (const [i, t] of targets.entries()) {
    const found =
      t.type === 'user' ? await findUserRef(ctx.db.pool, t.id) : await findScheduleHeader(ctx.db.pool, t.id);
    if (found) names.push(t.type === 'user' ? found.name : `on call in ${found.name}`);
    else fields.push({ path: `assignTo.${i}.id`, message: `refers to ${t.type} ${t.id}, which does not exist` });
  }
  if (fields.length > 0) {
    throw new AppError('validation_failed', `Request body is invalid: ${fields[0]!.path} ${fields[0]!.message}`, fields);
  }
  // delayMinutes: how long the one step waits before the escalation is exhausted (no repeat)
  return { name: `Direct page: ${names.join(', ')}`, teamId, repeat: 0, steps: [{ delayMinutes: 5, targets }] };
}
