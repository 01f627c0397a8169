/**
 * Strict RFC 3339 instants for schedules: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed
 * by `Z` or `±HH:MM`. A string without an offset is refused (Date.parse would read it
 * in the machine's zone). Years 1900-9999 only: schedules live in the present, and
 * the zone maths below 1900 (local mean time) is not worth trusting.
 *
 * Hand-written rather than a regex + Date.parse: an on-call lookup parses every
 * override of a schedule, and this is ~10x faster.
 *
 * Returns epoch milliseconds (fractions beyond ms are truncated), or null.
 */
export function parseInstant(text: string): number | null {
  const n = text.length;
  if (n < 17) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return null;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(13) !== COLON) return null;
  const sep = text.charCodeAt(10) | 0x20; // ASCII lower case
  if (sep !== T) return null;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(i) === COLON) {
    second = digits(text, i + 1, 2);
    if (second < 0) return null;
    i += 3;
    if (text.charCodeAt(i) === DOT) {
      i++;
      const fracStart = i;
      let c = text.charCodeAt(i);
      while (c >= 48 && c <= 57) {
        if (i - fracStart < 3) ms = ms * 10 + (c - 48);
        c = text.charCodeAt(++i);
      }
      if (i === fracStart) return null;
      for (let k = i - fracStart; k < 3; k++) ms *= 10;
    }
  }
  let offset: number;
  const z = text.charCodeAt(i);
  if ((z | 0x20) === Z && i + 1 === n) offset = 0;
  else if ((z === PLUS || z === MINUS) && i + 6 === n && text.charCodeAt(i + 3) === COLON) {
    const oh = digits(text, i + 1, 2);
    const om = digits(text, i + 4, 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return null;
    offset = (z === MINUS ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return null;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), years >= 0. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const T = 116; // 't'
const Z = 122; // 'z'

/** An instant as the API prints it: UTC, millisecond precision (`2026-03-29T01:00:00.000Z`). */
export function formatInstant(t: number): string {
  // what Date#toISOString prints, by hand: ~5x faster, and every reason carries two
  const days = Math.floor(t / 86_400_000);
  if (days < -25_567 || days > 2_932_896) return new Date(t).toISOString(); // outside 1900-9999
  let rest = t - days * 86_400_000;
  // civil_from_days (H. Hinnant)
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** The non-negative integer in text[at, at+count), or -1 unless all are ASCII digits. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
