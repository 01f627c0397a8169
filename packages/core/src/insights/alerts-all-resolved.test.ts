import { describe, expect, it } from 'vitest';
import { alertsFirstAllResolvedAt } from './alerts-all-resolved';

const firing = (at: number, ...fingerprints: string[]) => ({ at, resolved: false, fingerprints });
const resolved = (at: number, ...fingerprints: string[]) => ({ at, resolved: true, fingerprints });

describe('alertsFirstAllResolvedAt', () => {
  it('the first resolve after which nothing that fired fires', () => {
    expect(alertsFirstAllResolvedAt([firing(0, 'a', 'b'), resolved(10, 'a'), firing(20, 'c'), resolved(30, 'b'), resolved(40, 'c')])).toBe(40);
    expect(alertsFirstAllResolvedAt([firing(0, 'a'), resolved(10, 'a'), firing(20, 'a'), resolved(30, 'a')])).toBe(10);
  });

  it('null while something fires, and for a timeline without fingerprints (manual incidents, older rows)', () => {
    expect(alertsFirstAllResolvedAt([firing(0, 'a', 'b'), resolved(10, 'a')])).toBeNull();
    expect(alertsFirstAllResolvedAt([firing(0), resolved(10)])).toBeNull();
    expect(alertsFirstAllResolvedAt([])).toBeNull();
  });

  it('a resolve of an alert it never had does not end it', () => {
    expect(alertsFirstAllResolvedAt([firing(0, 'a'), resolved(5, 'x'), resolved(10, 'a')])).toBe(10);
  });
});
