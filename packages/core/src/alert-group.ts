import { createHash } from 'node:crypto';
import type { AlertGroup } from './incoming-alert';
import { sliceText } from './repair-text';

const MAX_TITLE = 255;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The grouping key of an alert. With `groupBy` label names, the values of those
 * labels (a missing label counts as empty), so alerts Alertmanager sends as
 * several groups (KubePodCrashLooping and NodeNotReady on node d01) become one
 * incident. Without, Alertmanager's own groupKey: one aggregation group, one incident.
 */
export function alertGroup(input: {
  groupBy: readonly string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Alertmanager's groupKey and groupLabels, used when groupBy is empty */
  senderGroupKey: string;
  senderGroupLabels: Record<string, string>;
}): AlertGroup {
  let key: string;
  let labels: Record<string, string>;
  if (input.groupBy.length > 0) {
    const names = [...new Set(input.groupBy)].sort();
    labels = Object.fromEntries(names.map((n) => [n, Object.hasOwn(input.labels, n) ? input.labels[n]! : '']));
    // the same shape as Alertmanager's label part: {a="1", b="2"}; JSON.stringify quotes values
    key = `groupBy:{${names.map((n) => `${n}=${JSON.stringify(labels[n])}`).join(', ')}}`;
  } else {
    key = input.senderGroupKey;
    labels = input.senderGroupLabels;
  }
  return { key, keyHash: sha256Hex(key), labels, title: incidentTitle(input.labels, input.annotations, labels) };
}

/** `KubePodCrashLooping on node=d01: Pod is crash looping.` — readable at 3 am. */
export function incidentTitle(
  labels: Record<string, string>,
  annotations: Record<string, string>,
  groupLabels: Record<string, string>,
): string {
  const name = labels.alertname ?? 'Alert';
  const context = Object.entries(groupLabels)
    .filter(([k, v]) => k !== 'alertname' && v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const summary = annotations.summary ?? annotations.message ?? '';
  const title = `${name}${context ? ` on ${context}` : ''}${summary ? `: ${summary}` : ''}`.replace(/\s+/g, ' ').trim();
  return title.length > MAX_TITLE ? `${sliceText(title, MAX_TITLE - 1)}…` : title;
}
