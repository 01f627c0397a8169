import { TimeZone } from '../schedule/time-zone';

export type HourBucket = 'business' | 'offHours' | 'sleep';

/**
 * When an instant falls in a person's day, in their own zone (DST included):
 * sleep 22:00–07:00 any day, business 09:00–18:00 Monday–Friday, else off hours.
 * An unknown zone counts as UTC.
 */
export function hourBucket(at: number, timeZone: string): HourBucket {
  const zone = TimeZone.find(timeZone) ?? TimeZone.of('UTC');
  const wall = new Date(at + zone.offsetAt(at));
  const hour = wall.getUTCHours();
  const day = wall.getUTCDay(); // 0 Sunday
  if (hour >= 22 || hour < 7) return 'sleep';
  if (day >= 1 && day <= 5 && hour >= 9 && hour < 18) return 'business';
  return 'offHours';
}
