import type { IncidentDetailJson } from '@heinrich/contracts/incidents';
import { useStorm, useStormAction } from '../../api/storms';
import { FormError } from '../../components/Form';

/**
 * On the storm page (the incident that started a storm and pages for it):
 * "Acknowledge all N incidents of this storm", beside its own Acknowledge, while
 * the storm has unacknowledged incidents besides this one.
 */
export function StormAcknowledgeAll({ incident }: { incident: IncidentDetailJson }) {
  const stormId = incident.storm?.role === 'page' ? incident.storm.id : undefined;
  const storm = useStorm(stormId).data ?? null;
  const action = useStormAction();
  if (!stormId || !storm) return null;
  const count = storm.totals.triggered;
  const others = count - (incident.status === 'triggered' ? 1 : 0);
  if (others <= 0 && !action.isSuccess) return null;
  return (
    <>
      {others > 0 ? (
        <button type="button" className="primary big" disabled={action.isPending} onClick={() => action.mutate({ id: stormId, action: 'acknowledge' })}>
          {action.isPending ? 'Acknowledging all…' : `Acknowledge all ${count} incidents of this storm`}
        </button>
      ) : null}
      {action.isSuccess ? (
        <p className="notice" role="status">
          Acknowledged {action.data.changed} {action.data.changed === 1 ? 'incident' : 'incidents'} of the storm.
        </p>
      ) : null}
      <FormError error={action.error} />
    </>
  );
}
