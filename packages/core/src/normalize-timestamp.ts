/**
 * A sender's timestamp (RFC 3339; the ISO 8601 offsets `+0000` and `+00` too,
 * as PagerDuty's examples write them) -> the same instant in UTC, its fraction
 * digits kept as written (Alertmanager prints nanoseconds: …40.080798287Z).
 *
 * Everything that passes is stored by Postgres: it refuses impossible calendar
 * dates (2026-02-30), year 0000, and offsets beyond ±15:59 (which RFC 3339
 * allows up to ±23:59), so every value is checked here and rewritten in UTC.
 * The range is 0001-01-01T00:00:00Z (Go's zero time: Alertmanager's endsAt of
 * a firing alert) to 9999-12-31T23:59:59.999999999Z.
 */
export type NormalizedTimestamp = { ok: true; utc: string } | { ok: false; problem: string };

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

export const TIMESTAMP_EXAMPLE = '2026-11-28T19:50:40.08Z';

const FIRST_DAY = daysFromCivil(1, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

export function normalizeTimestamp(text: string): NormalizedTimestamp {
  const m = text.length <= 64 ? SHAPE.exec(text) : null;
  if (!m) return { ok: false, problem: `must be an RFC 3339 timestamp such as ${TIMESTAMP_EXAMPLE}` };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number, number, number, number, number, number,
  ];
  const fraction = m[7] ?? '';
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: `is not a calendar date: ${m[1]}-${m[2]}-${m[3]} does not exist` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, problem: `is not a time of day: ${m[4]}:${m[5]}:${m[6]} does not exist` };
  }
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return { ok: false, problem: 'has an offset out of range: at most ±23:59' };
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);

  // minutes since 1970 in UTC, then back to a civil date
  const local = (daysFromCivil(year, month, day) * 24 + hour) * 60 + minute;
  const utc = local - offset;
  const days = Math.floor(utc / 1440);
  if (days < FIRST_DAY || days > LAST_DAY) {
    return { ok: false, problem: 'is out of range: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z' };
  }
  if (offset === 0) return { ok: true, utc: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${fraction}Z` };
  const [y, mo, d] = civilFromDays(days);
  const minuteOfDay = utc - days * 1440;
  return {
    ok: true,
    utc: `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(Math.floor(minuteOfDay / 60), 2)}:${pad(minuteOfDay % 60, 2)}:${m[6]}${fraction}Z`,
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
