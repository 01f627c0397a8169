import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldErrorId, fieldMessages } from './FieldError';

const error = new ApiError(400, 'validation_failed', 'Request body is invalid', [
  { path: 'layers.0.members', message: 'must name at least one user' },
  { path: 'layers.0.members.1', message: 'refers to a user that does not exist' },
  { path: 'name', message: 'must not be empty' },
]);

describe('fieldMessages', () => {
  it('finds the exact path, or everything under it when nested', () => {
    expect(fieldMessages(error, 'layers.0.members')).toEqual(['must name at least one user']);
    expect(fieldMessages(error, 'layers.0', true)).toEqual(['must name at least one user', 'refers to a user that does not exist']);
    expect(fieldMessages(error, 'layers.1', true)).toEqual([]);
    expect(fieldMessages(null, 'name')).toEqual([]);
  });
  it('makes ids fit for aria-describedby', () => {
    expect(fieldErrorId('layers.0.members')).toBe('err-layers-0-members');
  });
});
