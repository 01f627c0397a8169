import { formatWindow } from './decide-storm';

/** What a held incident's `storm_held` entry records (older rows: only stormId). */
export interface StormHold {
  stormId: string;
  pageIncidentNumber?: number | undefined;
  serviceName?: string | undefined;
  /** incidents in the window when the storm started (the storm page was the last of them) */
  incidents?: number | undefined;
  windowSeconds?: number | undefined;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Why a held incident paged no one, with the numbers that started the storm:
 * "held by storm <id>: the 6th new incident on Collector in 5 min started it;
 * the storm page is incident #12". Parts an older entry lacks are left out.
 */
export function stormHoldReason(h: StormHold): string {
  const parts = [`held by storm ${h.stormId}`];
  const started =
    h.incidents !== undefined && h.windowSeconds !== undefined
      ? `the ${ordinal(h.incidents)} new incident${h.serviceName !== undefined ? ` on ${h.serviceName}` : ''} in ${formatWindow(h.windowSeconds)} started it`
      : null;
  const page = h.pageIncidentNumber !== undefined ? `the storm page is incident #${h.pageIncidentNumber}` : null;
  const why = [started, page].filter((p): p is string => p !== null).join('; ');
  if (why) parts.push(why);
  return parts.join(': ');
}
