import { describe, expect, it } from 'vitest';
import { inviteToken } from './AcceptInvitePage';
import { safeNext } from './SignInPage';

describe('safeNext', () => {
  it('follows only paths of this site', () => {
    expect(safeNext('/incidents/42')).toBe('/incidents/42');
    expect(safeNext('//evil.example/x')).toBe('/incidents');
    expect(safeNext('https://evil.example/')).toBe('/incidents');
    expect(safeNext('/sign-in')).toBe('/incidents');
    expect(safeNext(null)).toBe('/incidents');
  });
});

describe('inviteToken', () => {
  it('reads the token from the fragment', () => {
    expect(inviteToken('#token=abc-DEF_123')).toBe('abc-DEF_123');
    expect(inviteToken('')).toBe('');
  });
});
