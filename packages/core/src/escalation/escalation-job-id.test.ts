import { describe, expect, it } from 'vitest';
import { escalationJobId } from './escalation-job-id';

describe('escalationJobId', () => {
  const incidentId = '7f1c1a8e-3d0b-4c53-9b8e-0b8f2c1d9e10';

  it('names incident, cycle, step and generation without a colon', () => {
    const id = escalationJobId({ incidentId, cycle: 1, step: 2, generation: 3 });
    expect(id).toBe(`esc-${incidentId}-c1-s2-g3`);
    expect(id).not.toContain(':');
    expect(id).not.toMatch(/^\d+$/);
  });

  it('differs by generation, so a moved escalation never reuses an old id', () => {
    const a = escalationJobId({ incidentId, cycle: 0, step: 1, generation: 0 });
    const b = escalationJobId({ incidentId, cycle: 0, step: 1, generation: 1 });
    expect(a).not.toBe(b);
  });

  it('refuses ids BullMQ would misread', () => {
    expect(() => escalationJobId({ incidentId: 'a:b', cycle: 0, step: 0, generation: 0 })).toThrow(RangeError);
    expect(() => escalationJobId({ incidentId, cycle: -1, step: 0, generation: 0 })).toThrow(RangeError);
    expect(() => escalationJobId({ incidentId, cycle: 0, step: 0.5, generation: 0 })).toThrow(RangeError);
  });
});
