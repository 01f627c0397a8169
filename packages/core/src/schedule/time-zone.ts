/**
 * IANA time zones for schedule maths: UTC offsets at instants and wall clock ->
 * instant with the RFC 5545 / Temporal "compatible" rules.
 *
 * Source of truth is the runtime's Intl (ICU + its tzdata), always with an explicit
 * `timeZone`, so results never depend on the process's TZ. Intl is slow (~3 us a
 * call), so each zone learns its offset transitions lazily, one 64-day bucket at a
 * time: the offset is sampled once a day over the bucket and every change is
 * bisected to the second. Lookups are then a map hit and a scan of one or two
 * entries. That memo is invisible from outside (same input, same output), so
 * callers stay pure. Assumption: a zone never changes its offset twice within
 * 24 hours (true of tzdb for the years schedules use).
 *
 * "Wall" values are wall-clock readings encoded as if they were UTC epoch
 * milliseconds (2026-03-29T02:30 local -> Date.UTC(2026, 2, 29, 2, 30)), so whole
 * days and weeks can be added to them with plain arithmetic.
 */

const SECOND = 1_000;
const DAY = 86_400_000;
const BUCKET_DAYS = 64;
const BUCKET = BUCKET_DAYS * DAY;
/** Beyond this many (zone, bucket) entries the memo starts over: bounds memory for hostile ranges. */
const MAX_BUCKETS = 20_000;

interface Bucket {
  /** instants (ms) from which `offsets[i]` applies; starts[0] is the bucket start */
  starts: number[];
  offsets: number[];
}

const zones = new Map<string, TimeZone | null>();
let bucketCount = 0;

export class TimeZone {
  private readonly format: Intl.DateTimeFormat;
  private readonly buckets = new Map<number, Bucket>();

  private constructor(readonly name: string) {
    // iso8601 calendar: proleptic Gregorian like Date, never ICU's Julian switch in 1582
    this.format = new Intl.DateTimeFormat('en-US-u-ca-iso8601', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The zone named `name` (anything Intl accepts: `Europe/Berlin`, `UTC`), or null if unknown. */
  static find(name: string): TimeZone | null {
    let zone = zones.get(name);
    if (zone === undefined) {
      try {
        zone = new TimeZone(name);
      } catch {
        zone = null; // RangeError: Invalid time zone specified
      }
      zones.set(name, zone);
    }
    return zone;
  }

  /** Like `find`, throwing RangeError for an unknown zone (validation should have caught it). */
  static of(name: string): TimeZone {
    const zone = TimeZone.find(name);
    if (!zone) throw new RangeError(`Unknown time zone: ${name}`);
    return zone;
  }

  /** UTC offset (ms, east positive) in force at instant `t`. */
  offsetAt(t: number): number {
    const key = Math.floor(t / BUCKET);
    let bucket = this.buckets.get(key);
    if (!bucket) bucket = this.learn(key);
    const { starts, offsets } = bucket;
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as number) > t) i--;
    return offsets[i] as number;
  }

  /** The wall clock reading at instant `t`. */
  wallAt(t: number): number {
    return t + this.offsetAt(t);
  }

  /**
   * The instant a wall clock reading denotes, with Temporal's `disambiguation:
   * 'compatible'` (= RFC 5545 3.3.5):
   * - a time in a spring-forward gap is read with the offset BEFORE the gap, so it
   *   lands as far after the gap as it was into it (Berlin 02:30 on the spring
   *   day -> 03:30 CEST);
   * - an ambiguous autumn time (the hour that happens twice) is its FIRST
   *   occurrence, the earlier instant (Berlin 02:30 on the autumn day -> 02:30 CEST).
   */
  instantOf(wall: number): number {
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    if (before === after) return wall - before;
    const early = wall - before; // reading with the earlier offset
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late); // ambiguous: first occurrence
    if (lateValid) return late;
    return early; // valid with the earlier offset only, or a gap: the offset before it
  }

  /** Intl's offset at `t`, to the second. */
  private intlOffset(t: number): number {
    const whole = Math.floor(t / SECOND) * SECOND;
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of this.format.formatToParts(whole)) {
      switch (part.type) {
        case 'year':
          y = Number(part.value);
          break;
        case 'month':
          mo = Number(part.value);
          break;
        case 'day':
          d = Number(part.value);
          break;
        case 'hour':
          h = Number(part.value);
          break;
        case 'minute':
          mi = Number(part.value);
          break;
        case 'second':
          s = Number(part.value);
          break;
      }
    }
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    // Date.UTC maps years 0-99 to 1900-1999; schedules never get there (validation: >= 1900)
    return wall - whole;
  }

  private learn(key: number): Bucket {
    const start = key * BUCKET;
    const starts = [start];
    const offsets = [this.intlOffset(start)];
    let prevT = start;
    let prev = offsets[0] as number;
    for (let day = 1; day <= BUCKET_DAYS; day++) {
      const t = start + day * DAY;
      const offset = this.intlOffset(t);
      if (offset !== prev) {
        // bisect (prevT, t] to the first second with the new offset
        let lo = prevT;
        let hi = t;
        while (hi - lo > SECOND) {
          const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
          if (this.intlOffset(mid) === prev) lo = mid;
          else hi = mid;
        }
        if (hi < start + BUCKET) {
          starts.push(hi);
          offsets.push(offset);
        }
        prev = offset;
      }
      prevT = t;
    }
    if (bucketCount >= MAX_BUCKETS) {
      for (const zone of zones.values()) zone?.buckets.clear();
      bucketCount = 0;
    }
    const bucket = { starts, offsets };
    this.buckets.set(key, bucket);
    bucketCount++;
    return bucket;
  }
}
