/** The create form's state, as the user types it. */
export interface MaintenanceDraft {
  serviceIds: string[];
  reason: string;
  kind: 'once' | 'weekly';
  /** datetime-local values (the browser's zone); start empty = now */
  start: string;
  end: string;
  weekdays: string[];
  startTime: string;
  endTime: string;
  timeZone: string;
  /** one matcher a line */
  matchers: string;
  /** announce its start and end in the Slack channels of the services' policies */
  announce: boolean;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export function emptyDraft(timeZone: string): MaintenanceDraft {
  return { serviceIds: [], reason: '', kind: 'once', start: '', end: '', weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', timeZone, matchers: '', announce: true };
}

/** A datetime-local value (local wall clock, no zone) as an ISO instant; '' stays undefined. */
function instantOf(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

/** The POST body for the draft (the API validates: end before start, zone, matchers). */
export function bodyOf(d: MaintenanceDraft): Record<string, unknown> {
  const matchers = d.matchers
    .split('\n')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  const start = instantOf(d.start);
  const body: Record<string, unknown> = { serviceIds: d.serviceIds, reason: d.reason, matchers, announce: d.announce, ...(start ? { start } : {}) };
  if (d.kind === 'once') return { ...body, end: instantOf(d.end) ?? null };
  return { ...body, end: instantOf(d.end) ?? null, recurrence: { weekdays: d.weekdays, startTime: d.startTime, endTime: d.endTime, timeZone: d.timeZone } };
}
