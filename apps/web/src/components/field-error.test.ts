import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldErrorId, fieldMessages } from './FieldError';
import { plainGeneralMessage, plainMessage } from './plain-message';

const error = new ApiError(400, 'validation_failed', 'Request body is invalid', [
  { path: 'layers.0.members', message: 'must name at least one user' },
  { path: 'layers.0.members.1', message: 'refers to a user that does not exist' },
  { path: 'name', message: 'must not be empty' },
]);

describe('fieldMessages', () => {
  it('finds the exact path, or everything under it when nested, in plain words', () => {
    expect(fieldMessages(error, 'layers.0.members')).toEqual(['Add at least one person to this layer.']);
    expect(fieldMessages(error, 'layers.0', true)).toEqual(['Add at least one person to this layer.', 'Refers to a user that does not exist.']);
    expect(fieldMessages(error, 'layers.1', true)).toEqual([]);
    expect(fieldMessages(null, 'name')).toEqual([]);
  });
  it('makes ids fit for aria-describedby', () => {
    expect(fieldErrorId('layers.0.members')).toBe('err-layers-0-members');
  });
});

describe('plainMessage', () => {
  it('words common problems for people, and never shows a path', () => {
    expect(plainMessage('layers.0.members', 'must list at least one user: an empty layer has nobody to page')).toBe('Add at least one person to this layer.');
    expect(plainMessage('timeZone', 'unknown time zone "Berlin"')).toBe('Choose a time zone from the list, such as Europe/Berlin.');
    expect(plainMessage('name', 'must not be empty')).toBe('This can’t be empty.');
    expect(plainMessage('delayMinutes', 'must be at most 1440 (a day)')).toBe('Must be at most 1440 (a day)');
    expect(plainMessage('ackTimeoutMinutes', 'must be a number')).toBe('Must be a number.');
  });
  it('drops the "Request body is invalid" framing', () => {
    expect(plainGeneralMessage(error)).toBe('Add at least one person to this layer.');
    expect(plainGeneralMessage(new ApiError(409, 'conflict', 'The schedule changed meanwhile'))).toBe('The schedule changed meanwhile');
  });
});
