import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl, asApiError } from './client';

describe('apiUrl', () => {
  it('puts paths under /api/v1 unless they name /api/ themselves', () => {
    expect(apiUrl('/incidents?status=triggered')).toBe('/api/v1/incidents?status=triggered');
    expect(apiUrl('teams')).toBe('/api/v1/teams');
    expect(apiUrl('/api/v1/auth/me')).toBe('/api/v1/auth/me');
  });
});

describe('asApiError', () => {
  it('keeps an ApiError and wraps anything else', () => {
    const e = new ApiError(403, 'forbidden', 'Only admins can read the audit log');
    expect(asApiError(e)).toBe(e);
    expect(asApiError(new Error('boom'))).toMatchObject({ status: 0, message: 'boom', fields: [] });
  });
});
