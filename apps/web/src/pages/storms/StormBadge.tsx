import type { IncidentJson } from '@heinrich/contracts/incidents';
import { Link } from 'react-router';

/**
 * An incident's storm (docs/noise.md "Storm mode"), linking to the storm's page:
 * "Storm page" on the incident that started it (it paged for the storm),
 * "Held by storm" on the incidents it held (they paged no one on their own).
 */
export function StormBadge({ storm }: { storm: IncidentJson['storm'] }) {
  if (!storm) return null;
  const text = storm.role === 'page' ? 'Storm page' : 'Held by storm';
  return (
    <Link to={`/storms/${storm.id}`} className="badge storm" title={storm.role === 'page' ? 'This incident started a storm and pages for it' : 'Opened during a storm: not paged on its own'}>
      {text}
    </Link>
  );
}
