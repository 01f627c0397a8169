import type { DistinctOccurrence } from './distinct-occurrences';

/** A stored occurrence of a fingerprint the batch brings a new occurrence of. */
export interface StoredOccurrence {
  alertId: string;
  serviceId: string;
  fingerprint: string;
  startsAt: Date;
  status: 'firing' | 'resolved' | 'superseded' | 'stale';
  incidentId: string;
  incidentNumber: number;
  labels: Record<string, string>;
}

/** A new occurrence older than one already known: stored as `stale`, under the newer one's incident. */
export interface StaleOccurrence {
  index: number;
  /** the incident of the newer stored occurrence, or null when the newer one is in this batch (`newerIndex`) */
  incidentId: string | null;
  incidentNumber: number | null;
  newerIndex: number | null;
}

/** A stored firing occurrence a newer one replaces. */
export interface SupersededOccurrence {
  alertId: string;
  incidentId: string;
  incidentNumber: number;
  fingerprint: string;
  labels: Record<string, string>;
  /** the delivery whose newer occurrence superseded it */
  owner: number;
}

export interface Supersession {
  /** the new firing occurrences that go into their group's incident as usual */
  current: DistinctOccurrence[];
  stale: StaleOccurrence[];
  superseded: SupersededOccurrence[];
}

/**
 * Per service, at most one occurrence of a fingerprint fires. Of the batch's new
 * firing occurrences of one fingerprint, the newest (by startsAt) is current if
 * nothing newer is stored: it supersedes the stored firing ones. Every other is
 * stale: older than an occurrence already known.
 */
export function decideSupersession(fresh: readonly DistinctOccurrence[], stored: readonly StoredOccurrence[]): Supersession {
  const key = (serviceId: string, fingerprint: string) => `${serviceId}\u0000${fingerprint}`;
  const storedBy = new Map<string, StoredOccurrence[]>();
  for (const s of stored) {
    const k = key(s.serviceId, s.fingerprint);
    const list = storedBy.get(k);
    if (list) list.push(s);
    else storedBy.set(k, [s]);
  }
  const freshBy = new Map<string, DistinctOccurrence[]>();
  for (const f of fresh) {
    const k = key(f.serviceId, f.alert.fingerprint);
    const list = freshBy.get(k);
    if (list) list.push(f);
    else freshBy.set(k, [f]);
  }

  const result: Supersession = { current: [], stale: [], superseded: [] };
  for (const [k, list] of freshBy) {
    const sorted = [...list].sort((a, b) => instant(b.alert.startsAt) - instant(a.alert.startsAt) || a.index - b.index);
    const newest = sorted[0]!;
    const known = storedBy.get(k) ?? [];
    const newestStored = known.reduce<StoredOccurrence | null>((m, s) => (m && m.startsAt.getTime() >= s.startsAt.getTime() ? m : s), null);
    if (newestStored && newestStored.startsAt.getTime() > instant(newest.alert.startsAt)) {
      for (const f of sorted) result.stale.push({ index: f.index, incidentId: newestStored.incidentId, incidentNumber: newestStored.incidentNumber, newerIndex: null });
      continue;
    }
    result.current.push(newest);
    for (const f of sorted.slice(1)) result.stale.push({ index: f.index, incidentId: null, incidentNumber: null, newerIndex: newest.index });
    for (const s of known.filter((s) => s.status === 'firing')) {
      result.superseded.push({ alertId: s.alertId, incidentId: s.incidentId, incidentNumber: s.incidentNumber, fingerprint: s.fingerprint, labels: s.labels, owner: newest.owner });
    }
  }
  result.current.sort((a, b) => a.index - b.index);
  result.stale.sort((a, b) => a.index - b.index);
  return result;
}

function instant(iso: string): number {
  return Date.parse(iso);
}
