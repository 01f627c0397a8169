import { describe, expect, it } from 'vitest';
import { decideProbePass } from './decide-probe-pass';
import { probeDedupKey, probeRunIdOfGroupKey } from './probe-dedup-key';

const at = (iso: string) => new Date(iso);
const base = { intervalMs: 300_000, timeoutMs: 120_000 };

describe('decideProbePass', () => {
  it('starts the first run at once', () => {
    expect(decideProbePass({ ...base, now: at('2026-12-07T10:00:00Z'), pending: [], lastSentAt: null })).toEqual({ finish: [], start: true });
  });

  it('a received run succeeds with its round trip, and the next starts only after the interval', () => {
    const run = { id: 'r1', sentAt: at('2026-12-07T10:00:00Z'), receivedAt: at('2026-12-07T10:00:03.250Z') };
    const d = decideProbePass({ ...base, now: at('2026-12-07T10:00:05Z'), pending: [run], lastSentAt: run.sentAt });
    expect(d).toEqual({ finish: [{ id: 'r1', outcome: 'succeeded', receivedAt: run.receivedAt, roundTripMs: 3250 }], start: false });
    expect(decideProbePass({ ...base, now: at('2026-12-07T10:05:00Z'), pending: [], lastSentAt: run.sentAt }).start).toBe(true);
    expect(decideProbePass({ ...base, now: at('2026-12-07T10:04:59.999Z'), pending: [], lastSentAt: run.sentAt }).start).toBe(false);
  });

  it('a run without a webhook fails at the timeout exactly, not before; nothing new starts while one is pending', () => {
    const run = { id: 'r1', sentAt: at('2026-12-07T10:00:00Z'), receivedAt: null };
    expect(decideProbePass({ ...base, intervalMs: 60_000, now: at('2026-12-07T10:01:59.999Z'), pending: [run], lastSentAt: run.sentAt })).toEqual({ finish: [], start: false });
    expect(decideProbePass({ ...base, intervalMs: 60_000, now: at('2026-12-07T10:02:00Z'), pending: [run], lastSentAt: run.sentAt })).toEqual({
      finish: [{ id: 'r1', outcome: 'failed', reason: 'no probe webhook within 120 s of the alert' }],
      start: true,
    });
  });

  it('never a negative round trip when the clocks disagree', () => {
    const run = { id: 'r1', sentAt: at('2026-12-07T10:00:01Z'), receivedAt: at('2026-12-07T10:00:00Z') };
    expect(decideProbePass({ ...base, now: at('2026-12-07T10:00:02Z'), pending: [run], lastSentAt: run.sentAt }).finish[0]).toMatchObject({ roundTripMs: 0 });
  });
});

describe('probe dedup keys', () => {
  it("round-trips a run id through the events group key, and nothing else reads as a probe's", () => {
    const id = '0b7c6f8e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
    expect(probeRunIdOfGroupKey(`events:${probeDedupKey(id)}`)).toBe(id);
    expect(probeRunIdOfGroupKey(probeDedupKey(id))).toBeUndefined();
    expect(probeRunIdOfGroupKey('events:heinrich-probe-nope')).toBeUndefined();
    expect(probeRunIdOfGroupKey(`manual:${id}`)).toBeUndefined();
  });
});
