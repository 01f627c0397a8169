import { describe, expect, it } from 'vitest';
import { parseIncidentSearch } from './parse-incident-search';

describe('parseIncidentSearch', () => {
  it('splits words from key=value labels', () => {
    expect(parseIncidentSearch('disk  node=d01 full')).toEqual({ words: ['disk', 'full'], labels: [['node', 'd01']] });
  });
  it('keeps quoted spaces in words and label values', () => {
    expect(parseIncidentSearch('"disk full" summary="pod is down"')).toEqual({ words: ['disk full'], labels: [['summary', 'pod is down']] });
  });
  it('reads nothing from an empty or missing search', () => {
    expect(parseIncidentSearch(undefined)).toEqual({ words: [], labels: [] });
    expect(parseIncidentSearch('   ')).toEqual({ words: [], labels: [] });
  });
  it('an empty value matches the empty label value; an unclosed quote runs to the end', () => {
    expect(parseIncidentSearch('team= "half')).toEqual({ words: ['half'], labels: [['team', '']] });
  });
  it('a leading = is a word, not a label', () => {
    expect(parseIncidentSearch('=x #42')).toEqual({ words: ['=x', '#42'], labels: [] });
  });
});
