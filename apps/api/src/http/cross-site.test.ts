import { describe, expect, it } from 'vitest';
import { crossSiteProblem } from './cross-site';

const ORIGIN = 'https://heinrich.example.com';
const check = (method: string, origin?: string, referer?: string, requireHeader = true) =>
  crossSiteProblem({ method, origin, referer }, ORIGIN, { requireHeader });

describe('crossSiteProblem', () => {
  it('lets safe methods through whatever their headers say', () => {
    expect(check('GET')).toBeUndefined();
    expect(check('HEAD', 'https://evil.example')).toBeUndefined();
  });

  it('lets an unsafe method through from our own origin, by Origin or else by Referer', () => {
    expect(check('POST', ORIGIN)).toBeUndefined();
    expect(check('DELETE', undefined, `${ORIGIN}/services/1?tab=keys`)).toBeUndefined();
  });

  it('refuses another origin, naming both', () => {
    expect(check('POST', 'https://evil.example')).toBe(
      'Cross-site request refused: a POST with the session cookie must come from https://heinrich.example.com (its Origin is https://evil.example)',
    );
    expect(check('PATCH', undefined, 'http://heinrich.example.com/x')).toContain('its Origin is http://heinrich.example.com');
    // Origin wins over Referer; "null" is what sandboxed frames and some redirects send
    expect(check('POST', 'null', `${ORIGIN}/`)).toContain('its Origin is null');
  });

  it('refuses an unsafe method with neither header, unless the header is optional', () => {
    expect(check('POST')).toBe(
      'Cross-site request refused: a POST with the session cookie needs an Origin or Referer header of https://heinrich.example.com',
    );
    expect(check('POST', undefined, undefined, false)).toBeUndefined();
    expect(check('POST', 'https://evil.example', undefined, false)).toBe(
      'Cross-site request refused: a POST from a browser must come from https://heinrich.example.com (its Origin is https://evil.example)',
    );
  });
});
