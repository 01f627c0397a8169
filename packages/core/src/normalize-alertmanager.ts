import { alertGroup } from './alert-group';
import type { IncomingAlert } from './incoming-alert';

/** Structural subset of the Alertmanager v4 payload that normalization reads. */
export interface AlertmanagerPayload {
  groupKey: string;
  groupLabels: Record<string, string>;
  alerts: {
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt?: string | undefined;
    generatorURL?: string | undefined;
    fingerprint: string;
  }[];
}

/** Go's zero time: Alertmanager's endsAt of every firing alert. */
const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;

/**
 * Alertmanager alerts -> occurrences. An occurrence is (fingerprint, startsAt):
 * a re-send carries the same pair, a re-fire after resolving gets a new startsAt.
 * A payload never repeats an occurrence; if one did, the last copy wins.
 */
export function normalizeAlertmanager(payload: AlertmanagerPayload, groupBy: readonly string[]): IncomingAlert[] {
  const byOccurrence = new Map<string, IncomingAlert>();
  for (const a of payload.alerts) {
    const endsAt = a.endsAt && !GO_ZERO_TIME.test(a.endsAt) ? a.endsAt : null;
    byOccurrence.set(`${a.fingerprint}\u0000${a.startsAt}`, {
      fingerprint: a.fingerprint,
      startsAt: a.startsAt,
      endsAt: a.status === 'resolved' ? endsAt : null,
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      generatorUrl: a.generatorURL ? a.generatorURL : null,
      severity: a.labels.severity ?? null,
      group: alertGroup({
        groupBy,
        labels: a.labels,
        annotations: a.annotations,
        senderGroupKey: payload.groupKey,
        senderGroupLabels: payload.groupLabels,
      }),
    });
  }
  return [...byOccurrence.values()];
}
