import type { HeartbeatTiming } from './heartbeat-timing';

/**
 * What a ping or a miss signal does to a heartbeat, decided from its stored
 * state:
 * - `record`: paused; the ping is recorded (lastPingAt), nothing else changes;
 * - `up`: the heartbeat is up until interval + grace from now; `resolves` when
 *   it was down (its missed-heartbeat occurrence is sent as resolved);
 * - `miss`: an up heartbeat goes down now and its incident opens (an
 *   Alertmanager Watchdog sent as resolved: no need to wait for the timer);
 * - `none`: nothing to do (a miss on a heartbeat that is new, paused or
 *   already down: a `new` one never alerts before its first ping).
 */
export type HeartbeatSignalDecision = { kind: 'record' } | { kind: 'up'; resolves: boolean } | { kind: 'miss' } | { kind: 'none' };

export function decideHeartbeatSignal(hb: Pick<HeartbeatTiming, 'status' | 'lastPingAt'>, signal: 'ping' | 'miss'): HeartbeatSignalDecision {
  if (signal === 'ping') {
    if (hb.status === 'paused') return { kind: 'record' };
    return { kind: 'up', resolves: hb.status === 'down' && hb.lastPingAt !== null };
  }
  if ((hb.status === 'up' || hb.status === 'late') && hb.lastPingAt) return { kind: 'miss' };
  return { kind: 'none' };
}
