import type { IncidentStatus } from '@heinrich/contracts/incidents';

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`status status-${status}`}>{status}</span>;
}
