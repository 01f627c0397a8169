import type { IncidentStatus } from '@heinrich/contracts/incidents';

/** The list's status filter, as kept in the URL (?status=open). */
export const STATUS_FILTERS = {
  open: { label: 'Open', statuses: ['triggered', 'acknowledged'] },
  triggered: { label: 'Triggered', statuses: ['triggered'] },
  acknowledged: { label: 'Acknowledged', statuses: ['acknowledged'] },
  resolved: { label: 'Resolved', statuses: ['resolved'] },
  all: { label: 'All', statuses: [] },
} as const satisfies Record<string, { label: string; statuses: readonly IncidentStatus[] }>;

export type StatusFilter = keyof typeof STATUS_FILTERS;

export function parseStatusFilter(raw: string | null): StatusFilter {
  return raw !== null && raw in STATUS_FILTERS ? (raw as StatusFilter) : 'open';
}
