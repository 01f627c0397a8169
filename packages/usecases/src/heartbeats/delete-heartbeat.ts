import type { Principal } from '@heinrich/core/authz/principal';
import { deleteHeartbeat as removeHeartbeat } from '@heinrich/db/heartbeats/delete-heartbeat';
import type { Context } from '../context';
import { manageHeartbeat } from './manage-heartbeat';

/** Deletes a heartbeat (its URL gets 404 from then on); an incident it opened stays for people to resolve. */
export async function deleteHeartbeat(ctx: Context, principal: Principal, id: string): Promise<void> {
  await manageHeartbeat(ctx, principal, id, 'delete', async (tx) => {
    await removeHeartbeat(tx, id);
    return { after: null, result: undefined };
  });
}
