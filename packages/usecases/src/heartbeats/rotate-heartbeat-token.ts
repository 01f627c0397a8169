import type { Principal } from '@heinrich/core/authz/principal';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { updateHeartbeat } from '@heinrich/db/heartbeats/update-heartbeat';
import type { Context } from '../context';
import { newHeartbeatToken } from './heartbeat-token';
import { manageHeartbeat } from './manage-heartbeat';

/** A new ping token; the old URL gets 404 from the commit on. Status and timer are kept. */
export async function rotateHeartbeatToken(ctx: Context, principal: Principal, id: string): Promise<{ heartbeat: HeartbeatRow; token: string }> {
  const { token, tokenHash, tokenPrefix } = newHeartbeatToken();
  return manageHeartbeat(ctx, principal, id, 'rotate_token', async (tx) => {
    const after = (await updateHeartbeat(tx, id, { tokenHash, tokenPrefix }))!;
    return { after, result: { heartbeat: after, token } };
  });
}
