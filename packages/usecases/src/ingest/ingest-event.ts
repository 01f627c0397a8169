import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { randomUUID } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import type { IngestDelivery } from '@heinrich/core/ingest/ingest-delivery';
import { normalizeTrigger, type TriggerEvent } from '@heinrich/core/normalize-event';
import { findOpenOccurrenceStart } from '@heinrich/db/ingest/find-open-occurrence-start';
import { findOpenIncidentByGroup } from '@heinrich/db/incidents/transition-incident';
import type { ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import { withTransaction } from '@heinrich/db/with-transaction';
import { deliveryAlertRules } from '../alert-rules/delivery-alert-rules';
import type { Context } from '../context';
import { changeStatusIn } from '../incidents/change-incident-status';
import { ingestAlerts } from './ingest-alerts';

/** One events-API event as the use case needs it (the route maps the wire format). */
export interface EventCommand {
  action: 'trigger' | 'acknowledge' | 'resolve';
  /** absent on a trigger: one is generated, as PagerDuty does */
  dedupKey?: string;
  /** what a trigger reports; required for triggers */
  trigger?: Omit<TriggerEvent, 'dedupKey'>;
}

export interface EventResult {
  dedupKey: string;
  /** what happened, for the response message */
  outcome: 'triggered' | 'deduplicated' | 'acknowledged' | 'resolved' | 'no_open_incident';
  incidentNumber?: number;
  /** a trigger of a flapping group that paged no one (docs/noise.md "Flapping"), for the api's metric */
  flapSuppressed?: number;
}

/**
 * One events-API event (PagerDuty Events v2 semantics): triggers with the same
 * dedup_key while its incident is open are one incident; acknowledge/resolve
 * act on that open incident; acting on an unknown key is a no-op, as PagerDuty does.
 */
export async function ingestEvent(
  ctx: Context,
  key: Pick<ActiveIntegrationKey, 'keyId' | 'serviceId' | 'autoResolve' | 'noise' | 'serviceName' | 'alertRules'> & { actorId?: string; routedFrom?: IngestDelivery['routedFrom'] },
  event: EventCommand,
): Promise<EventResult> {
  const dedupKey = event.dedupKey ?? randomUUID();
  const groupKeyHash = sha256Hex(`events:${dedupKey}`);
  // a routing integration's event (routing/ingest-routed-event.ts) names the integration
  const actor = { id: key.actorId ?? `integration-key:${key.keyId}`, display: 'the events API', via: 'events' };

  if (event.action === 'acknowledge') {
    const { outcome, outboxIds, number } = await withTransaction(ctx.db.pool, async (client) => {
      const incidentId = await findOpenIncidentByGroup(client, key.serviceId, groupKeyHash);
      if (!incidentId) return { outcome: 'no_open_incident' as const, outboxIds: [], number: undefined };
      const r = await changeStatusIn(client, incidentId, actor, 'acknowledge');
      return { outcome: 'acknowledged' as const, outboxIds: r.outboxIds, number: r.change.number };
    });
    await ctx.publisher.publish(outboxIds);
    return { dedupKey, outcome, ...(number !== undefined ? { incidentNumber: number } : {}) };
  }

  const now = ctx.now().toISOString();
  let openStart: string | undefined;
  const summary = await ingestAlerts(ctx, {
    serviceId: key.serviceId,
    // an explicit resolve event resolves the incident whatever the service's auto-resolve says
    autoResolve: event.action === 'resolve' ? true : key.autoResolve,
    noise: noiseSettingsOf(key.noise),
    truncatedAlerts: null,
    alertRules: deliveryAlertRules({ id: key.serviceId, name: key.serviceName }, key.alertRules, ctx.now()),
    // sent to another service's key whose alert rule routed it here (alert-rules/ingest-event-by-alert-rules.ts)
    ...(key.routedFrom ? { routedFrom: key.routedFrom } : {}),
    groups: [groupKeyHash],
    via: 'events',
    actor: actor.id,
    alerts: async (client) => {
      openStart = await findOpenOccurrenceStart(client, key.serviceId, dedupKey);
      if (event.action === 'resolve') {
        if (!openStart) return [];
        // empty annotations: the resolve keeps what the trigger reported (see updateKnownOccurrences)
        return [{ ...normalizeTrigger(triggerOf(dedupKey, event), openStart), status: 'resolved', endsAt: now, annotations: {} }];
      }
      return [normalizeTrigger(triggerOf(dedupKey, event), openStart ?? now)];
    },
  });
  const incidentNumber = summary.incidents[0]?.number;
  const outcome =
    event.action === 'resolve'
      ? openStart
        ? 'resolved'
        : 'no_open_incident'
      : summary.alertsNew > 0
        ? 'triggered'
        : 'deduplicated';
  return { dedupKey, outcome, flapSuppressed: summary.flapSuppressed, ...(incidentNumber !== undefined ? { incidentNumber } : {}) };
}

/** A resolve may carry no payload: it then reuses the key as the (unchanged) summary. */
export function triggerOf(dedupKey: string, event: EventCommand): TriggerEvent {
  return { summary: dedupKey, source: 'events-api', severity: 'error', ...event.trigger, dedupKey };
}
