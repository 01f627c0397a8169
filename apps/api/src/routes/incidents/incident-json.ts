import { readIncidentEvent } from '@heinrich/core/incidents/incident-event-catalog';
import type { AlertJson, IncidentDetailJson, IncidentJson, TimelineEventJson } from '@heinrich/contracts/incidents';
import type { IncidentDetail } from '@heinrich/usecases/incidents/get-incident';

type Incident = IncidentDetail['incident'];
type Alert = IncidentDetail['alerts'][number];
type TimelineEvent = IncidentDetail['timeline'][number];

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** An incident as lists show it. */
export function incidentJson(i: Incident): IncidentJson {
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    status: i.status,
    serviceId: i.serviceId,
    serviceName: i.serviceName,
    severity: i.severity,
    groupLabels: i.groupLabels,
    alertCounts: i.alertCounts,
    truncatedAlerts: i.truncatedAlerts,
    firingAlerts: i.firingAlerts,
    storm: i.stormId ? { id: i.stormId, role: i.stormRole ?? 'held' } : null,
    flapping: i.flapping,
    maintenance: i.maintenance ? { windowId: i.maintenance.windowId, reason: i.maintenance.reason, until: i.maintenance.until.toISOString(), releasedAt: iso(i.maintenance.releasedAt) } : null,
    suppressedBy: i.suppressedBy,
    createdAt: i.createdAt.toISOString(),
    acknowledgedAt: iso(i.acknowledgedAt),
    acknowledgedBy: i.acknowledgedBy,
    resolvedAt: iso(i.resolvedAt),
    resolvedBy: i.resolvedBy,
    urgency: i.urgency,
    onIt: i.onIt,
  };
}

/** An incident with its alerts and timeline, as GET /incidents/{id} shows it. */
export function incidentDetailJson(d: IncidentDetail): IncidentDetailJson {
  return {
    ...incidentJson(d.incident),
    alerts: d.alerts.map(alertJson),
    timeline: d.timeline.map(timelineEventJson),
    silence: d.silence ? { alertmanagerSilenceId: d.silence.alertmanagerSilenceId, endsAt: d.silence.endsAt.toISOString(), createdBy: d.silence.createdByName } : null,
    canSilence: d.canSilence,
  };
}

function alertJson(a: Alert): AlertJson {
  return {
    id: a.id,
    fingerprint: a.fingerprint,
    status: a.status,
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt.toISOString(),
    endsAt: iso(a.endsAt),
    generatorUrl: a.generatorUrl,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    receiveCount: a.receiveCount,
  };
}

/**
 * A timeline entry, read through the incident-event catalog (readIncidentEvent):
 * a catalog type's data as its schema reads it (extra keys kept; instants are
 * ISO strings), and a row of a type the catalog does not know (or whose data
 * does not match) as stored, so every row is shown and none is an error.
 */
export function timelineEventJson(e: TimelineEvent): TimelineEventJson {
  const read = readIncidentEvent(e);
  return {
    id: e.id,
    type: read.type,
    message: read.message,
    actor: e.actor,
    via: e.via,
    data: read.data,
    createdAt: read.createdAt.toISOString(),
  };
}
