import { describe, expect, it } from 'vitest';
import { describeRotation, draftToLayer, layerToDraft, move, moveToWeekday, newLayerDraft, weekdayOfDate } from './layer-draft';

describe('layer drafts', () => {
  const layer = {
    name: 'weekly',
    members: ['a', 'b', 'c'],
    rotation: { type: 'weekly' as const, shiftLength: 1 },
    start: '2026-03-16T09:00:00+01:00',
    end: null,
    restrictions: [{ type: 'weekly' as const, start: { weekday: 'monday' as const, time: '09:00' }, end: { weekday: 'friday' as const, time: '17:00' } }],
  };

  it('round-trips a layer through the form in the schedule zone', () => {
    const draft = layerToDraft(layer, 'Europe/Berlin');
    expect(draft.startDate).toBe('2026-03-16');
    expect(draft.startTime).toBe('09:00');
    expect(draftToLayer(draft, 'Europe/Berlin')).toEqual(layer);
  });

  it('reads the handoff in the schedule zone, not the viewer one', () => {
    const draft = layerToDraft(layer, 'America/New_York');
    expect(draft.startTime).toBe('04:00');
  });

  it('sends a blank shift length as NaN so the API names the field', () => {
    const draft = { ...layerToDraft(layer, 'UTC'), shiftLength: ' ' };
    expect(draftToLayer(draft, 'UTC').rotation.shiftLength).toBeNaN();
  });

  it('starts a new layer on the coming Monday at 09:00', () => {
    const d = newLayerDraft(Date.parse('2026-11-28T22:00:00Z'), 'Europe/Berlin');
    expect([d.startDate, d.startTime, d.rotationType]).toEqual(['2026-11-30', '09:00', 'weekly']);
    expect(newLayerDraft(Date.parse('2026-11-30T10:00:00Z'), 'UTC').startDate).toBe('2026-11-30');
  });

  it('moves the first shift back to a chosen handoff day', () => {
    expect(weekdayOfDate('2026-12-03')).toBe('thursday');
    expect(moveToWeekday('2026-12-03', 'monday')).toBe('2026-11-30');
    expect(moveToWeekday('2026-12-03', 'friday')).toBe('2026-11-27');
    expect(moveToWeekday('2026-12-03', 'thursday')).toBe('2026-12-03');
  });

  it('moves members up and down within the list', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('describes the rotation in words', () => {
    expect(describeRotation(layerToDraft(layer, 'Europe/Berlin'), 'Europe/Berlin')).toBe('Weekly, handoff Monday 09:00 (Europe/Berlin)');
    const daily = { ...layerToDraft(layer, 'UTC'), rotationType: 'daily' as const, shiftLength: '2' };
    expect(describeRotation(daily, 'UTC')).toBe('Every 2 days, handoff at 08:00 (UTC)');
  });
});
