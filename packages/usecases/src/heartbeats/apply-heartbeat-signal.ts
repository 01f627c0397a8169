import { sha256Hex } from '@heinrich/core/alert-group';
import { decideHeartbeatSignal, type HeartbeatSignalDecision } from '@heinrich/core/heartbeats/decide-heartbeat-signal';
import { heartbeatAlert } from '@heinrich/core/heartbeats/heartbeat-alert';
import { heartbeatAlertKey, heartbeatBackMessage, heartbeatDueAt, watchdogResolvedMessage } from '@heinrich/core/heartbeats/heartbeat-timing';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { updateHeartbeat } from '@heinrich/db/heartbeats/update-heartbeat';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import type pg from 'pg';
import type { Context } from '../context';
import type { BatchDelivery } from '../ingest/apply-ingest-batch';
import { commitBatch } from '../ingest/commit-batch';
import type { IngestSummary } from '../ingest/ingest-summary';

export interface HeartbeatSignalInput {
  /** the heartbeat's service and id (its group lock); the row is read again, locked, by `find` */
  serviceId: string;
  heartbeatId: string;
  /** reads the heartbeat's row FOR UPDATE inside the transaction (by id, or by token for a ping URL) */
  find(client: pg.PoolClient): Promise<HeartbeatRow | undefined>;
  signal: 'ping' | 'miss';
  /** alerts of the same sender request, committed in the same transaction (a Watchdog notification's other alerts) */
  also?: BatchDelivery;
}

export interface HeartbeatSignalOutcome {
  /** the heartbeat after the signal; undefined when it was gone (deleted, or its token rotated) */
  heartbeat: HeartbeatRow | undefined;
  decision: HeartbeatSignalDecision | null;
  /** the incident a ping resolved, or the one a miss opened */
  incidentId: string | null;
  /** the answer for `also`'s delivery */
  alsoSummary: IngestSummary | undefined;
}

/**
 * A ping or a miss signal for one heartbeat, decided by core
 * (decideHeartbeatSignal) on its row read under the heartbeat's ingest group
 * lock, and applied in one transaction through the one ingest path: a ping of
 * a down heartbeat sends its missed-heartbeat occurrence as resolved
 * (auto-resolve) and writes `heartbeat_received`; a miss of an up one sends
 * it firing (the incident opens now, escalates like any) and writes
 * `heartbeat_missed`. The URL ping and an Alertmanager Watchdog both come here.
 */
export async function applyHeartbeatSignal(ctx: Context, input: HeartbeatSignalInput): Promise<HeartbeatSignalOutcome> {
  const now = ctx.now();
  let before: HeartbeatRow | undefined;
  let decision: HeartbeatSignalDecision | null = null;
  let outcome: Omit<HeartbeatSignalOutcome, 'alsoSummary'> = { heartbeat: undefined, decision: null, incidentId: null };
  const also = input.also;
  const summaries = await commitBatch(ctx, {
    groups: [
      { serviceId: input.serviceId, keyHash: sha256Hex(heartbeatAlertKey(input.heartbeatId)) },
      ...(also ? also.alerts.map((a) => ({ serviceId: also.serviceId, keyHash: a.group.keyHash })) : []),
    ],
    async load(client) {
      before = await input.find(client);
      decision = before ? decideHeartbeatSignal(before, input.signal) : null;
      const deliveries: BatchDelivery[] = also ? [also] : [];
      const hb = before;
      if (hb?.lastPingAt && decision && ((decision.kind === 'up' && decision.resolves) || decision.kind === 'miss')) {
        const resolving = decision.kind === 'up';
        deliveries.push({
          serviceId: hb.serviceId,
          autoResolve: resolving,
          alerts: [heartbeatAlert({ ...hb, lastPingAt: hb.lastPingAt }, resolving ? 'resolved' : 'firing', now)],
          truncatedAlerts: null,
          via: 'heartbeat',
          actor: `heartbeat:${hb.id}`,
        });
      }
      return deliveries;
    },
    async after(client, done) {
      outcome = { heartbeat: undefined, decision, incidentId: null };
      const hb = before;
      if (!hb || !decision || decision.kind === 'none') {
        outcome.heartbeat = hb;
        return;
      }
      const lastPing = hb.lastPingAt;
      if (decision.kind === 'record') {
        outcome.heartbeat = await updateHeartbeat(client, hb.id, { lastPingAt: now });
        return;
      }
      if (decision.kind === 'up') {
        outcome.heartbeat = await updateHeartbeat(client, hb.id, {
          lastPingAt: now,
          status: 'up',
          dueAt: heartbeatDueAt(now, hb.intervalSeconds, hb.graceSeconds),
          incidentId: null,
        });
        if (decision.resolves && hb.incidentId && lastPing) {
          outcome.incidentId = hb.incidentId;
          await recordEvents(client, [
            {
              incidentId: hb.incidentId,
              type: 'heartbeat_received',
              message: heartbeatBackMessage(lastPing, now),
              actor: null,
              via: 'heartbeat',
              data: { heartbeatId: hb.id, lastPingAt: lastPing.toISOString() },
            },
          ]);
        }
        return;
      }
      // a miss: the heartbeat's delivery is the last one
      const incident = done.at(-1)?.incidents[0];
      outcome.heartbeat = await updateHeartbeat(client, hb.id, { status: 'down', dueAt: null, incidentId: incident?.id ?? null });
      if (incident && lastPing) {
        outcome.incidentId = incident.id;
        await recordEvents(client, [
          {
            incidentId: incident.id,
            type: 'heartbeat_missed',
            message: watchdogResolvedMessage(hb.name, lastPing, now),
            actor: null,
            via: 'heartbeat',
            data: { heartbeatId: hb.id, lastPingAt: lastPing.toISOString() },
          },
        ]);
      }
    },
  });
  return { ...outcome, alsoSummary: also ? summaries[0] : undefined };
}
