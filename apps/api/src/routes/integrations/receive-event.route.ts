import { eventsApiEvent, type EventsApiResponse } from '@heinrich/contracts/events-api';
import type { InputWarningsJson } from '@heinrich/contracts/input-warnings';
import { repairText } from '@heinrich/core/repair-text';
import { ingestEventByAlertRules } from '@heinrich/usecases/alert-rules/ingest-event-by-alert-rules';
import { randomUUID } from 'node:crypto';
import { authenticateIngestKey } from '@heinrich/usecases/routing/authenticate-ingest-key';
import { ingestRoutedEvent } from '@heinrich/usecases/routing/ingest-routed-event';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';

/**
 * POST /api/v1/integrations/events — PagerDuty Events API v2 shaped; the
 * routing_key is an `events` integration key. Answers 202 with the dedup_key,
 * and `warnings` listing NULs replaced (custom_details is stored as JSON text,
 * where a NUL is harmless: it is kept).
 */
export function receiveEvent(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const routingKey = (req.body as { routing_key?: unknown } | undefined)?.routing_key;
    const sender = await authenticateIngestKey(deps.ctx, typeof routingKey === 'string' ? routingKey : undefined, 'events');
    const warnings: InputWarningsJson = [];
    const event = repairText(parse(eventsApiEvent, req.body, 'Event'), warnings, { skip: ['payload.custom_details'] });
    const p = event.payload;
    const command = {
      action: event.event_action,
      ...(event.dedup_key ? { dedupKey: event.dedup_key } : {}),
      ...(p
        ? {
            trigger: {
              summary: p.summary,
              source: p.source,
              severity: p.severity,
              component: p.component,
              group: p.group,
              class: p.class,
              customDetails: p.custom_details,
              links: event.links,
            },
          }
        : {}),
    };
    // a routing integration's key (docs/routing.md): the event goes to the service its routes choose
    const result =
      sender.kind === 'service'
        ? await ingestEventByAlertRules(deps.ctx, sender.key, command)
        : await ingestRoutedEvent(deps.ctx, sender, { ...command, dedupKey: command.dedupKey ?? randomUUID() });
    if (sender.kind === 'routing' && result.outcome === 'dropped') deps.metrics.unroutedAlerts.inc({ source: 'events', outcome: 'dropped' });
    deps.metrics.alertsReceived.inc({ source: 'events' });
    if (result.outcome === 'deduplicated') deps.metrics.alertsDeduplicated.inc({ source: 'events' });
    // the synthetic probe's incidents are a check of the pager, not incidents anyone had (docs/monitoring.md)
    if (result.outcome === 'triggered' && !(sender.kind === 'service' && sender.key.isProbe)) deps.metrics.incidentsOpened.inc({ source: 'events' });
    if ('flapSuppressed' in result && result.flapSuppressed) deps.metrics.flapSuppressions.inc({ source: 'events' }, result.flapSuppressed);
    res.status(202).json({
      status: 'success',
      message: MESSAGES[result.outcome],
      dedup_key: result.dedupKey,
      ...('incidentNumber' in result && result.incidentNumber !== undefined ? { incident_number: result.incidentNumber } : {}),
      warnings,
    } satisfies EventsApiResponse);
  };
}

const MESSAGES = {
  triggered: 'Event processed: incident triggered',
  deduplicated: 'Event processed: added to the open incident with this dedup_key',
  acknowledged: 'Event processed: incident acknowledged',
  resolved: 'Event processed: alert resolved',
  no_open_incident: 'Event processed: no open incident with this dedup_key, nothing to do',
  dropped: 'Event processed: no route matched and the routing integration has no catch-all service; recorded as dropped',
} as const;
