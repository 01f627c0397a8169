import type { IncidentJson, IncidentStatus } from '@heinrich/contracts/incidents';

/**
 * The incident list's rows: incidents in the API's order, the incidents of one
 * storm (docs/noise.md "Storm mode") collapsed under one storm row at the place
 * of its first incident. A storm with a single incident in the list is an
 * ordinary row (with its storm badge).
 */
export type ListEntry =
  | { kind: 'incident'; incident: IncidentJson }
  | { kind: 'storm'; stormId: string; serviceName: string; incidents: IncidentJson[]; page: IncidentJson | null };

export function groupByStorm(incidents: readonly IncidentJson[]): ListEntry[] {
  const byStorm = new Map<string, IncidentJson[]>();
  for (const i of incidents) {
    if (!i.storm) continue;
    const members = byStorm.get(i.storm.id) ?? [];
    members.push(i);
    byStorm.set(i.storm.id, members);
  }
  const entries: ListEntry[] = [];
  const placed = new Set<string>();
  for (const i of incidents) {
    const members = i.storm ? byStorm.get(i.storm.id) : undefined;
    if (!i.storm || !members || members.length < 2) {
      entries.push({ kind: 'incident', incident: i });
      continue;
    }
    if (placed.has(i.storm.id)) continue;
    placed.add(i.storm.id);
    entries.push({ kind: 'storm', stormId: i.storm.id, serviceName: i.serviceName, incidents: members, page: members.find((m) => m.storm?.role === 'page') ?? null });
  }
  return entries;
}

/** Severities from worst to mildest; anything else (or none) after them. */
const SEVERITY_RANK = ['critical', 'error', 'warning', 'info'];

/** The worst severity among incidents (a storm row shows it), null when none has one. */
export function worstSeverity(incidents: readonly IncidentJson[]): string | null {
  let best: string | null = null;
  let bestRank = Infinity;
  for (const i of incidents) {
    if (!i.severity) continue;
    const rank = SEVERITY_RANK.indexOf(i.severity.toLowerCase());
    const r = rank === -1 ? SEVERITY_RANK.length : rank;
    if (r < bestRank) {
      bestRank = r;
      best = i.severity;
    }
  }
  return best;
}

/** The colour class of a severity: critical, error, warning, info, or other (unknown or none). */
export function severityClass(severity: string | null): 'critical' | 'error' | 'warning' | 'info' | 'other' {
  const s = severity?.toLowerCase();
  return s === 'critical' || s === 'error' || s === 'warning' || s === 'info' ? s : 'other';
}

/** "3 triggered, 2 acknowledged" (statuses with none left out). */
export function statusCounts(incidents: readonly IncidentJson[]): string {
  const order: IncidentStatus[] = ['triggered', 'acknowledged', 'resolved'];
  return order
    .map((s) => [s, incidents.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

/** Who an incident is on, in words: "Paged: Alice, Bob", "Acked by Alice", or null. */
export function onItText(incident: IncidentJson): string | null {
  if (incident.onIt.length === 0) return null;
  const acked = incident.onIt.filter((p) => p.role === 'acknowledged').map((p) => p.name);
  const paged = incident.onIt.filter((p) => p.role === 'paged').map((p) => p.name);
  const parts: string[] = [];
  if (acked.length > 0) parts.push(`Acked by ${acked.join(', ')}`);
  if (paged.length > 0) parts.push(`Paged: ${paged.join(', ')}`);
  return parts.join(' · ');
}
