import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_TYPES, isIncidentEventType, isIncidentTopic, readIncidentEvent } from './incident-event-catalog';

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

  it('keeps extra keys', () => {
    const e = readIncidentEvent({ type: 'opened', message: 'm', data: { alerts: 2 }, createdAt: at });
    expect(e.data).toEqual({ alerts: 2 });
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
