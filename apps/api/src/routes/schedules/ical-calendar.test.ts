import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderICalendar } from './ical-calendar';

describe('renderICalendar', () => {
  const text = renderICalendar({
    name: 'On call: Collector, primary',
    generatedAt: new Date('2026-03-16T10:11:12.345Z'),
    events: [
      { uid: 'a1@heinrich', start: '2026-03-16T08:00:00.000Z', end: '2026-03-17T08:00:00.000Z', summary: 'On call: Alice (Collector; primary)', description: 'Layer "weekly"\nshift 1' },
      { uid: 'a2@heinrich', start: '2026-03-17T08:00:00.400Z', end: '2026-03-17T08:00:00.900Z', summary: 'too short to write' },
    ],
  });

  it('is CRLF-terminated lines, a VCALENDAR with PRODID and VERSION 2.0 and one VEVENT per writable event', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Heinrich//On-call schedules//EN']);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('DTSTART:20260316T080000Z');
    expect(lines).toContain('DTEND:20260317T080000Z');
    expect(lines).toContain('DTSTAMP:20260316T101112Z');
    expect(lines).toContain('SUMMARY:On call: Alice (Collector\\; primary)');
    expect(lines).toContain('DESCRIPTION:Layer "weekly"\\nshift 1');
    expect(lines).toContain('X-WR-CALNAME:On call: Collector\\, primary');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves lines of up to 75 octets alone', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
  });

  it('folds longer lines into pieces of at most 75 octets, continuation lines starting with a space', () => {
    const folded = foldLine(`SUMMARY:${'y'.repeat(200)}`);
    const pieces = folded.split('\r\n');
    for (const piece of pieces) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`SUMMARY:${'y'.repeat(200)}`);
  });

  it('counts octets, not characters, and never splits a UTF-8 character', () => {
    const line = `SUMMARY:On call: ${'Jürgen Großmann 🙂 '.repeat(8)}`;
    const pieces = foldLine(line).split('\r\n');
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
      expect(piece).not.toContain('\uFFFD');
    }
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});
