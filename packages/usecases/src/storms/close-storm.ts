import { formatWindow } from '@heinrich/core/noise/decide-storm';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { endStorm } from '@heinrich/db/storms/write-storm';
import type pg from 'pg';
import { ENGINE_ACTOR } from '../escalation/advance-escalation';

/** Ends a storm (no-op when already ended) with a timeline entry with its totals on the incident that started it. */
export async function closeStorm(client: pg.PoolClient, stormId: string, quietSeconds: number, now: Date): Promise<boolean> {
  const ended = await endStorm(client, stormId, now);
  if (!ended) return false;
  await recordEvents(client, [
    {
      incidentId: ended.startedByIncidentId,
      type: 'storm_ended',
      data: { stormId, endedAt: ended.endedAt.toISOString(), incidents: ended.incidentCount, held: ended.heldCount },
      message: `Storm ${stormId} ended after ${formatWindow(quietSeconds)} without a new incident: ${ended.incidentCount} incident${ended.incidentCount === 1 ? '' : 's'} in the storm, ${ended.heldCount} held by it`,
      actor: ENGINE_ACTOR,
      via: null,
    },
  ]);
  return true;
}
