import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { heartbeatAlert } from '@heinrich/core/heartbeats/heartbeat-alert';
import { heartbeatAlertKey, heartbeatBackMessage, heartbeatDueAt } from '@heinrich/core/heartbeats/heartbeat-timing';
import { findHeartbeatByTokenHash } from '@heinrich/db/heartbeats/find-heartbeat';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { updateHeartbeat } from '@heinrich/db/heartbeats/update-heartbeat';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import type { Context } from '../context';
import { commitBatch } from '../ingest/commit-batch';

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
 * heartbeat pass never both act on one miss.
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

  let outcome: PingOutcome | undefined;
  let before: HeartbeatRow | undefined;
  const now = ctx.now();
  await commitBatch(ctx, {
    groups: [{ serviceId: seen.serviceId, keyHash: sha256Hex(heartbeatAlertKey(seen.id)) }],
    async load(client) {
      before = await findHeartbeatByTokenHash(client, tokenHash, { forUpdate: true });
      if (!before || before.status !== 'down' || !before.lastPingAt) return [];
      return [
        {
          serviceId: before.serviceId,
          autoResolve: true,
          alerts: [heartbeatAlert({ ...before, lastPingAt: before.lastPingAt }, 'resolved', now)],
          truncatedAlerts: null,
          via: 'heartbeat',
          actor: `heartbeat:${before.id}`,
        },
      ];
    },
    async after(client) {
      if (!before) return;
      const paused = before.status === 'paused';
      const heartbeat = (await updateHeartbeat(client, before.id, {
        lastPingAt: now,
        ...(paused ? {} : { status: 'up', dueAt: heartbeatDueAt(now, before.intervalSeconds, before.graceSeconds), incidentId: null }),
      }))!;
      const resolvedIncidentId = before.status === 'down' ? before.incidentId : null;
      if (resolvedIncidentId && before.lastPingAt) {
        await recordEvents(client, [
          {
            incidentId: resolvedIncidentId,
            type: 'heartbeat_received',
            message: heartbeatBackMessage(before.lastPingAt, now),
            actor: null,
            via: 'heartbeat',
            data: { heartbeatId: before.id, lastPingAt: before.lastPingAt.toISOString() },
          },
        ]);
      }
      outcome = { heartbeat, resolvedIncidentId };
    },
  });
  if (!outcome) throw unknown(); // rotated or deleted between the two reads
  return outcome;
}
