import type { IncidentJson } from '@heinrich/contracts/incidents';
import { Link } from 'react-router';
import { formatTimestamp } from '../../lib/time';

/** "Maintenance": the incident was opened under a maintenance window (held from paging until it ended). */
export function MaintenanceBadge({ maintenance }: { maintenance: IncidentJson['maintenance'] }) {
  if (!maintenance) return null;
  const held = maintenance.releasedAt === null;
  const title = held
    ? `Held by maintenance "${maintenance.reason}": pages no one until ${formatTimestamp(maintenance.until)}`
    : `Opened during maintenance "${maintenance.reason}" (ended ${formatTimestamp(maintenance.until)})`;
  const badge = (
    <span className="badge warn maintenance-badge" title={title}>
      {held ? 'maintenance' : 'after maintenance'}
    </span>
  );
  return maintenance.windowId ? <Link to={`/maintenance/${maintenance.windowId}`}>{badge}</Link> : badge;
}
