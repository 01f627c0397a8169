import { decideStorm, formatWindow, type StormDecision } from '@heinrich/core/noise/decide-storm';
import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { loadStormInput, loadStormService, lockServiceStorms } from '@heinrich/db/storms/load-storm-input';
import { insertStorm, joinStorm } from '@heinrich/db/storms/write-storm';
import type pg from 'pg';
import { ENGINE_ACTOR } from '../escalation/advance-escalation';
import { closeStorm } from './close-storm';

export interface StormOutcome {
  /** the incident joined a storm: it is not escalated on its own */
  held: boolean;
  /** this incident started a storm (it pages as the storm page) */
  started: boolean;
  stormId: string | null;
}

/**
 * Storm mode on `incident.opened` (docs/noise.md "Storm mode"), in the
 * transaction that claims the outbox row and before the escalation starts:
 * under the service's storm lock (so two workers can't both start a storm or
 * both decide "below the threshold" for the 6th), load -> core decideStorm ->
 * apply: start a storm (this incident then escalates as the storm page), join
 * one (held: no escalation), or nothing. An incident already carrying a storm
 * (a re-handled event) keeps its decision.
 */
export async function applyStormDecision(client: pg.PoolClient, incidentId: string, now: Date): Promise<StormOutcome> {
  const none: StormOutcome = { held: false, started: false, stormId: null };
  const service = await loadStormService(client, incidentId);
  if (!service) return none;
  const settings = noiseSettingsOf(service.noise).storm;
  // storm mode off: nothing to decide, so no lock either (a service opening many
  // incidents at once must not queue its escalations on it); a storm still open
  // from before is ended by the end pass once quiet
  if (!settings.enabled) return none;
  await lockServiceStorms(client, service.serviceId);
  const row = await loadStormInput(client, incidentId, settings.windowSeconds);
  if (!row) return none;
  if (row.incident.stormId) return none;
  const decision: StormDecision = decideStorm({
    settings,
    serviceName: row.serviceName,
    incident: { id: incidentId, createdAt: row.incident.createdAt, kind: row.incident.kind, number: row.incident.number },
    window: row.window,
    active: row.active ? { ...row.active, startedByNumber: row.active.page.number } : null,
  });
  if (decision.action !== 'join' && decision.endStormId) await closeStorm(client, decision.endStormId, settings.quietSeconds, now);
  switch (decision.action) {
    case 'page':
      return none;
    case 'start': {
      const stormId = await insertStorm(client, {
        serviceId: row.serviceId,
        incidentId,
        startedAt: row.incident.createdAt,
        triggerIncidents: decision.incidents,
        windowSeconds: decision.windowSeconds,
        title: decision.title,
      });
      await recordEvents(client, [
        {
          incidentId,
          type: 'storm_started',
          data: { stormId, incidents: decision.incidents, windowSeconds: decision.windowSeconds, counts: decision.counts },
          message: `Storm ${stormId} started: ${decision.incidents} new incidents on ${JSON.stringify(row.serviceName)} in ${formatWindow(decision.windowSeconds)}. This incident pages as the storm page ("${decision.title}"); incidents opened during the storm are held by it`,
          actor: ENGINE_ACTOR,
          via: null,
        },
      ]);
      return { held: false, started: true, stormId };
    }
    case 'join': {
      await joinStorm(client, decision.stormId, incidentId, row.incident.createdAt);
      // join is only decided for the active storm: what started it is on the row
      const storm = row.active!;
      await recordEvents(client, [
        {
          incidentId,
          type: 'storm_held',
          data: {
            stormId: decision.stormId,
            pageIncidentId: storm.page.id,
            pageIncidentNumber: storm.page.number,
            serviceName: row.serviceName,
            incidents: storm.triggerIncidents,
            windowSeconds: storm.windowSeconds,
          },
          message: `Held by storm ${decision.stormId} on ${JSON.stringify(row.serviceName)}: not paged on its own (the storm page, incident #${storm.page.number}, escalates for the storm)`,
          actor: ENGINE_ACTOR,
          via: null,
        },
      ]);
      return { held: true, started: false, stormId: decision.stormId };
    }
    default: {
      const unhandled: never = decision;
      throw new Error(`unhandled storm decision ${JSON.stringify(unhandled)}`);
    }
  }
}
