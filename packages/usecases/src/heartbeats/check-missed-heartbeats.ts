import { sha256Hex } from '@heinrich/core/alert-group';
import { heartbeatAlert } from '@heinrich/core/heartbeats/heartbeat-alert';
import { heartbeatAlertKey, missedHeartbeatTitle } from '@heinrich/core/heartbeats/heartbeat-timing';
import { claimDueHeartbeat, selectDueHeartbeats } from '@heinrich/db/heartbeats/select-due-heartbeats';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { updateHeartbeat } from '@heinrich/db/heartbeats/update-heartbeat';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import type { Context } from '../context';
import { commitBatch } from '../ingest/commit-batch';

export interface HeartbeatCheckOutcome {
  /** heartbeats this pass marked down, each with the incident it opened */
  missed: { heartbeatId: string; incidentId: string }[];
}

/**
 * One pass of the heartbeat timer: every `up` heartbeat whose due_at (last
 * ping + interval + grace) has passed opens an incident on its service through
 * the one ingest path (group `heartbeat:<id>`, the `opened` event and outbox
 * row, then escalation through the service's policy like any incident) and is
 * marked `down` in the same transaction. The row is claimed with FOR UPDATE
 * SKIP LOCKED under the group's advisory lock, and re-read there: two workers,
 * a restart mid-pass or a ping at the same moment never open two incidents for
 * one miss nor lose it (the timer is the row; nothing lives in Redis).
 */
export async function checkMissedHeartbeats(ctx: Context, opts: { limit?: number } = {}): Promise<HeartbeatCheckOutcome> {
  const now = ctx.now();
  const due = await selectDueHeartbeats(ctx.db.pool, now, opts.limit ?? 100);
  const missed: HeartbeatCheckOutcome['missed'] = [];
  for (const candidate of due) {
    let claimed: HeartbeatRow | undefined;
    await commitBatch(ctx, {
      groups: [{ serviceId: candidate.serviceId, keyHash: sha256Hex(heartbeatAlertKey(candidate.id)) }],
      async load(client) {
        claimed = await claimDueHeartbeat(client, candidate.id, now);
        if (!claimed?.lastPingAt) return [];
        return [
          {
            serviceId: claimed.serviceId,
            autoResolve: false,
            alerts: [heartbeatAlert({ ...claimed, lastPingAt: claimed.lastPingAt }, 'firing', now)],
            truncatedAlerts: null,
            via: 'heartbeat',
            actor: `heartbeat:${claimed.id}`,
          },
        ];
      },
      async after(client, summaries) {
        if (!claimed?.lastPingAt) return;
        const incident = summaries[0]?.incidents[0];
        await updateHeartbeat(client, claimed.id, { status: 'down', dueAt: null, incidentId: incident?.id ?? null });
        if (!incident) return;
        await recordEvents(client, [
          {
            incidentId: incident.id,
            type: 'heartbeat_missed',
            message: missedHeartbeatTitle(claimed.name, claimed.lastPingAt, claimed.intervalSeconds, now),
            actor: null,
            via: 'heartbeat',
            data: { heartbeatId: claimed.id, lastPingAt: claimed.lastPingAt.toISOString() },
          },
        ]);
        missed.push({ heartbeatId: claimed.id, incidentId: incident.id });
      },
    });
  }
  return { missed };
}
