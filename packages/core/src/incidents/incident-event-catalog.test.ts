import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_TYPES, isIncidentEvent, isIncidentEventType, isIncidentTopic, readIncidentEvent, type IncidentEventDraft } from './incident-event-catalog';

const at = new Date('2026-01-01T00:00:00Z');

describe('readIncidentEvent', () => {
  it('reads a catalog event with its typed data', () => {
    const e = readIncidentEvent({ type: 'notified', message: 'Paged Ann via SMS', data: { userId: 'u1', channel: 'sms', attempt: 1 }, createdAt: at });
    expect(e.known).toBe(true);
    if (e.known && e.type === 'notified') expect(e.data.channel).toBe('sms');
  });

  it('reads a stored event of an unknown type as a generic event, without throwing', () => {
    const e = readIncidentEvent({ type: 'paged_by_pigeon', message: 'old row', data: { x: 1 }, createdAt: at });
    expect(e).toEqual({ known: false, type: 'paged_by_pigeon', message: 'old row', data: { x: 1 }, createdAt: at });
  });

  it('reads a catalog type with mismatching or missing data as generic', () => {
    expect(readIncidentEvent({ type: 'notified', message: 'm', data: { attempt: 'one' }, createdAt: at }).known).toBe(false);
    expect(readIncidentEvent({ type: 'note', message: 'm', data: null, createdAt: at })).toMatchObject({ known: true, data: {} });
    expect(readIncidentEvent({ type: 'note', message: 'm', data: [1], createdAt: at })).toMatchObject({ known: true, data: {} });
  });

  it('reads rows older than a declared key as known, the key missing', () => {
    const e = readIncidentEvent({ type: 'silenced', message: 'Silenced until 12:00 UTC', data: { silenceId: 's1' }, createdAt: at });
    expect(e).toMatchObject({ known: true, data: { silenceId: 's1' } });
    if (isIncidentEvent(e, 'silenced')) expect(e.data.endsAt).toBeUndefined();
  });

  it('rejects an instant that is not an ISO string', () => {
    expect(readIncidentEvent({ type: 'silence_ended', message: 'm', data: { endedAt: 'yesterday' }, createdAt: at }).known).toBe(false);
    expect(readIncidentEvent({ type: 'silence_ended', message: 'm', data: { endedAt: '2026-01-01T10:00:00.000Z' }, createdAt: at }).known).toBe(true);
  });

  it('narrows with isIncidentEvent', () => {
    const e = readIncidentEvent({ type: 'escalation_stopped', message: 'm', data: { retriggerAt: '2026-01-01T10:00:00.000Z' }, createdAt: at });
    expect(isIncidentEvent(e, 'escalation_stopped', 'escalation_exhausted')).toBe(true);
    expect(isIncidentEvent(e, 'notified')).toBe(false);
    expect(isIncidentEvent(readIncidentEvent({ type: 'paged_by_pigeon', message: 'm', data: {}, createdAt: at }), 'notified')).toBe(false);
  });

  it('keeps extra keys', () => {
    const e = readIncidentEvent({ type: 'opened', message: 'm', data: { alerts: 2 }, createdAt: at });
    expect(e.data).toEqual({ alerts: 2 });
  });
});

describe('drafts (the write side)', () => {
  it('are typed by their type (checked by npm run typecheck)', () => {
    const ok: IncidentEventDraft = { type: 'opened', data: { fingerprints: ['a'] } };
    const noData: IncidentEventDraft = { type: 'acknowledged' };
    // @ts-expect-error: opened's data names its fingerprints
    const missing: IncidentEventDraft = { type: 'opened', data: {} };
    // @ts-expect-error: a key the catalog does not declare
    const extra: IncidentEventDraft = { type: 'note', data: { author: 'a', autor: 'b' } };
    // @ts-expect-error: an instant is an ISO string, not a Date
    const date: IncidentEventDraft = { type: 'unsilenced', data: { silenceId: 's', alertmanagerUrl: 'u', endedAt: at } };
    // @ts-expect-error: not a catalog type
    const unknown: IncidentEventDraft = { type: 'paged_by_pigeon' };
    expect([ok, noData, missing, extra, date, unknown]).toHaveLength(6);
  });
});

describe('catalog', () => {
  it('has no prototype keys as types', () => {
    expect(isIncidentEventType('toString')).toBe(false);
    expect(INCIDENT_EVENT_TYPES).toContain('escalation_step');
  });
  it('knows the outbox topics', () => {
    expect(isIncidentTopic('incident.opened')).toBe(true);
    expect(isIncidentTopic('incident.other')).toBe(false);
  });
});
