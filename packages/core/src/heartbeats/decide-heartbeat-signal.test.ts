import { describe, expect, it } from 'vitest';
import { decideHeartbeatSignal } from './decide-heartbeat-signal';

const pinged = new Date('2026-12-07T12:00:00Z');

describe('decideHeartbeatSignal', () => {
  it.each([
    ['ping on new', 'new', null, 'ping', { kind: 'up', resolves: false }],
    ['ping on up', 'up', pinged, 'ping', { kind: 'up', resolves: false }],
    ['ping on down resolves', 'down', pinged, 'ping', { kind: 'up', resolves: true }],
    ['ping on paused is recorded only', 'paused', pinged, 'ping', { kind: 'record' }],
    ['miss on up goes down now', 'up', pinged, 'miss', { kind: 'miss' }],
    ['miss on new: never alerts before its first ping', 'new', null, 'miss', { kind: 'none' }],
    ['miss on down: already missed', 'down', pinged, 'miss', { kind: 'none' }],
    ['miss on paused', 'paused', pinged, 'miss', { kind: 'none' }],
  ] as const)('%s', (_name, status, lastPingAt, signal, decision) => {
    expect(decideHeartbeatSignal({ status, lastPingAt }, signal)).toEqual(decision);
  });
});
