import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { findHeartbeatByTokenHash } from '@heinrich/db/heartbeats/find-heartbeat';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import type { Context } from '../context';
import { applyHeartbeatSignal } from './apply-heartbeat-signal';

export interface PingOutcome {
  heartbeat: HeartbeatRow;
  /** the incident this ping resolved (the heartbeat was down), if any */
  resolvedIncidentId: string | null;
}

/**
 * A ping with the heartbeat's token: 404 for an unknown or rotated token (the
 * answer never says which). The heartbeat is `up` until interval + grace from
 * now; when it was `down`, the ping sends its missed-heartbeat occurrence as
 * resolved through the one ingest path (so the incident resolves as any
 * alert's would) and writes "Heartbeat received again after ..." on its
 * timeline. A paused heartbeat records the ping and stays paused. Runs under
 * the heartbeat's ingest group lock with its row locked, so it and the
 * heartbeat pass never both act on one miss (applyHeartbeatSignal).
 */
export async function pingHeartbeat(
  ctx: Context,
  token: string | undefined,
  /** how an unknown token is answered: 404 for the URL, 401 for a Bearer credential */
  unknownAs: 'not_found' | 'unauthenticated' = 'not_found',
): Promise<PingOutcome> {
  const unknown = () =>
    unknownAs === 'not_found'
      ? new AppError('not_found', 'No heartbeat has this URL (unknown, deleted or rotated token)')
      : new AppError('unauthenticated', 'Missing or invalid heartbeat token');
  if (!token || token.length > 256) throw unknown();
  const tokenHash = sha256Hex(token);
  const seen = await findHeartbeatByTokenHash(ctx.db.pool, tokenHash);
  if (!seen) throw unknown();
  const { heartbeat, decision, incidentId } = await applyHeartbeatSignal(ctx, {
    serviceId: seen.serviceId,
    heartbeatId: seen.id,
    find: (client) => findHeartbeatByTokenHash(client, tokenHash, { forUpdate: true }),
    signal: 'ping',
  });
  if (!heartbeat) throw unknown(); // rotated or deleted between the two reads
  return { heartbeat, resolvedIncidentId: decision?.kind === 'up' && decision.resolves ? incidentId : null };
}
