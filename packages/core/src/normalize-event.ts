import { alertGroup } from './alert-group';
import type { IncomingAlert } from './incoming-alert';
import { sliceText } from './repair-text';

/** Structural subset of an events-API trigger that normalization reads. */
export interface TriggerEvent {
  dedupKey: string;
  summary: string;
  source: string;
  severity: string;
  component?: string | undefined;
  group?: string | undefined;
  class?: string | undefined;
  customDetails?: unknown;
  links?: { href: string; text?: string | undefined }[] | undefined;
}

/**
 * An events-API trigger -> one occurrence whose fingerprint is the dedup_key and
 * whose group is the dedup_key too: triggers with one key while its incident is
 * open are one incident (PagerDuty's semantics). `startsAt` is the open
 * occurrence's start when there is one, else the time of receipt.
 */
export function normalizeTrigger(event: TriggerEvent, startsAt: string): IncomingAlert {
  const labels: Record<string, string> = { alertname: event.summary, source: event.source, severity: event.severity };
  if (event.component) labels.component = event.component;
  if (event.group) labels.group = event.group;
  if (event.class) labels.class = event.class;
  const annotations: Record<string, string> = { summary: event.summary };
  if (event.customDetails !== undefined) annotations.custom_details = JSON.stringify(event.customDetails);
  if (event.links?.length) annotations.links = JSON.stringify(event.links);
  const group = alertGroup({
    groupBy: [],
    labels,
    annotations,
    senderGroupKey: `events:${event.dedupKey}`,
    senderGroupLabels: {},
  });
  return {
    fingerprint: event.dedupKey,
    startsAt,
    endsAt: null,
    status: 'firing',
    labels,
    annotations,
    generatorUrl: event.links?.[0]?.href ?? null,
    severity: event.severity,
    group: { ...group, title: sliceText(event.summary, 255) },
  };
}
