/**
 * iCalendar (RFC 5545) text of an on-call calendar: a VCALENDAR of one VEVENT
 * per shift. Only what calendar apps need and nothing clever: times in UTC
 * (`DTSTART:20260316T080000Z`, so no VTIMEZONE is needed and every app shows
 * them in its own zone), CRLF line ends, long lines folded at 75 octets (UTF-8
 * characters are never split), TEXT values escaped (RFC 5545 3.3.11).
 */

export interface ICalEvent {
  /** stable for the same shift across fetches, so apps update events instead of duplicating them */
  uid: string;
  /** ISO instants; sub-second parts are dropped (iCalendar counts whole seconds) */
  start: string;
  end: string;
  summary: string;
  description?: string;
}

export interface ICalCalendar {
  /** shown as the calendar's name (RFC 7986 NAME and the X-WR-CALNAME most apps read) */
  name: string;
  events: readonly ICalEvent[];
  /** DTSTAMP of every event: when this text was made */
  generatedAt: Date;
}

const PRODID = '-//Heinrich//On-call schedules//EN';

export function renderICalendar(calendar: ICalCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    // how often to fetch again (RFC 7986; X-PUBLISHED-TTL for Outlook and older apps)
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  const stamp = utcDateTime(calendar.generatedAt.getTime());
  for (const event of calendar.events) {
    const start = Math.floor(Date.parse(event.start) / 1000) * 1000;
    const end = Math.floor(Date.parse(event.end) / 1000) * 1000;
    // an event shorter than a second can't be written; it would be empty anyway
    if (end <= start) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(start)}`,
      `DTEND:${utcDateTime(end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      // being on call is not being busy: don't block the person's calendar
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 3.1: a line longer than 75 octets continues on the next after CRLF and
 * one space (which counts toward that line's 75). Splits only between characters.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line is one of its 75
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20260316T080000Z` */
function utcDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
