import type { Principal } from '@heinrich/core/authz/principal';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { updateHeartbeat } from '@heinrich/db/heartbeats/update-heartbeat';
import type { Context } from '../context';
import { manageHeartbeat } from './manage-heartbeat';

/**
 * Pauses (no timer, no alert; pings are accepted and recorded but change
 * nothing) or resumes a heartbeat. Resuming puts it back to `new`: it alerts
 * again only after its next ping, so resuming a job that is still stopped
 * pages no one. An incident already open stays open until a ping or a person
 * resolves it. Pausing a paused one, or resuming an unpaused one, changes nothing.
 */
export async function setHeartbeatPaused(ctx: Context, principal: Principal, id: string, paused: boolean): Promise<HeartbeatRow> {
  return manageHeartbeat(ctx, principal, id, paused ? 'pause' : 'resume', async (tx, before) => {
    if ((before.status === 'paused') === paused) return { after: before, result: before, changed: false };
    const after = (await updateHeartbeat(tx, id, paused ? { status: 'paused', dueAt: null } : { status: 'new', dueAt: null, incidentId: null }))!;
    return { after, result: after };
  });
}
