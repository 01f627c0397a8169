import type { IncidentJson } from '@heinrich/contracts/incidents';

/** "Suppressed": an alert rule suppressed the incident (docs/alert-rules.md): stored, paged no one. */
export function SuppressedBadge({ suppressedBy }: { suppressedBy: IncidentJson['suppressedBy'] }) {
  if (!suppressedBy) return null;
  return (
    <span className="badge suppressed-badge" title={`Suppressed by rule "${suppressedBy.name}" on ${suppressedBy.serviceName}: stored, pages no one`}>
      suppressed
    </span>
  );
}
