import { describe, expect, it } from 'vitest';
import { parseIncidentRef } from './parse-incident-ref';

describe('parseIncidentRef', () => {
  it('takes a UUID (lower-cased) or a short number', () => {
    expect(parseIncidentRef('3F9A4C1E-8B2D-4E6F-9A1B-2C3D4E5F6A7B')).toEqual({ id: '3f9a4c1e-8b2d-4e6f-9a1b-2c3d4e5f6a7b' });
    expect(parseIncidentRef('42')).toEqual({ number: 42 });
    expect(parseIncidentRef('2147483647')).toEqual({ number: 2_147_483_647 });
  });

  it.each(['0', '042', '-1', '1.5', '2147483648', '#42', 'abc', ''])('answers 404 for %j', (value) => {
    expect(() => parseIncidentRef(value)).toThrow(`Incident ${value} does not exist`);
  });
});
