import { describe, expect, it } from 'vitest';
import { parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it.each([
    [undefined, undefined],
    ['*', '*'],
    [' * ', '*'],
    ['"3"', [3]],
    ['"3", "12"', [3, 12]],
    ['W/"3"', []],
    ['"abc"', []],
    ['3', []],
    ['"0"', []],
    ['', []],
  ] as const)('%s -> %j', (header, expected) => {
    expect(parseIfMatch(header)).toEqual(expected);
  });
});
