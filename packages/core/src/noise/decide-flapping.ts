import type { IncidentEventDraft } from '../incidents/incident-event-catalog';
import { formatWindow } from './decide-storm';
import type { NoiseSettings } from './noise-settings';

/**
 * Flapping (docs/noise.md "Flapping"), per alert group of a service (an
 * incident's group_key_hash). A group fires while at least one of its alerts
 * fires; a state change is none-firing -> some-firing or back (alerts joining
 * or leaving a firing group are not changes; the first firing counts). A group
 * whose state changes `flapping.changes` times within `flapping.windowSeconds`
 * is flapping, and the change that reaches the threshold is itself damped:
 * - its incident stays open across resolves (held open) and resolves once the
 *   group stayed resolved for the window (the worker's flap end pass);
 * - re-fires while flapping join that incident and page no one;
 * - a group firing again within the window after its incident resolved by
 *   itself re-opens that incident instead of opening a new one (no page);
 * - a person's resolve ends the flap state (resetFlapStateByHand): the next
 *   firing opens a new incident that pages, whose timeline says so.
 */

/** The stored state of one group (table alert_group_flaps). */
export interface FlapState {
  /** some alert of the group fires (as of the latest change) */
  firing: boolean;
  /** recent state changes, oldest first */
  changes: Date[];
  /** set while flapping */
  flappingSince: Date | null;
  /** state changes of the current (or last) flapping episode, those that started it included */
  flapChanges: number;
  /** the incident of the current (or last) flapping episode */
  incidentId: string | null;
  /** how the last episode ended */
  endedBy: 'quiet' | 'hand' | null;
}

export interface FlapInput {
  settings: NoiseSettings['flapping'];
  /** the ingest transaction's instant (the database's clock) */
  now: Date;
  /** null: the group was never seen (or not since flapping was enabled) */
  stored: FlapState | null;
  /** some alert of the group fires once the batch is applied */
  firingNow: boolean;
  /** the group's open incident before the batch opens any */
  openIncidentId: string | null;
  /** the group's latest incident when none is open */
  lastIncident: { id: string; number: number; resolvedAt: Date; byHand: boolean } | null;
}

/** A timeline entry for the group's incident (the open, re-opened or newly opened one). */
export type FlapEvent = IncidentEventDraft & { message: string };

export interface FlapDecision {
  /** the state to store; null: nothing to write */
  next: FlapState | null;
  /** the state change this batch made, if any */
  change: 'fired' | 'resolved' | null;
  /** the group flaps: its open incident stays open though its alerts resolved */
  holdOpen: boolean;
  /** re-open this resolved incident instead of opening a new one */
  reopenIncidentId: string | null;
  /** a firing that pages no one because the group flaps (joins its open incident, or re-opens it) */
  suppressed: boolean;
  events: FlapEvent[];
}

/** At most this many change instants are kept per group: the threshold never needs more. */
const MAX_KEPT_CHANGES = 64;

export function decideFlapping(input: FlapInput): FlapDecision {
  const { settings, now, stored, firingNow } = input;
  const windowMs = settings.windowSeconds * 1000;
  const win = formatWindow(settings.windowSeconds);
  const flapping = stored?.flappingSince != null;
  const nothing: FlapDecision = { next: null, change: null, holdOpen: false, reopenIncidentId: null, suppressed: false, events: [] };
  if (!settings.enabled) return nothing;
  if (firingNow === (stored?.firing ?? false)) return { ...nothing, holdOpen: flapping && input.openIncidentId !== null };

  const change = firingNow ? 'fired' : 'resolved';
  // a change counts while it is less than windowSeconds old (now - t < window), this one included
  const recent = [...(stored?.changes ?? []).filter((t) => now.getTime() - t.getTime() < windowMs), now].slice(-MAX_KEPT_CHANGES);
  const count = recent.length;
  const reached = !flapping && count >= settings.changes;
  let flappingSince = stored?.flappingSince ?? (reached ? now : null);
  let flapChanges = flapping ? stored!.flapChanges + 1 : reached ? count : (stored?.flapChanges ?? 0);
  let incidentId = stored?.incidentId ?? null;
  let endedBy = stored?.endedBy ?? null;
  const events: FlapEvent[] = [];
  const numbers = { changes: count, windowSeconds: settings.windowSeconds, threshold: settings.changes };

  let reopenIncidentId: string | null = null;
  const last = input.lastIncident;
  const resolvedItselfRecently = last !== null && !last.byHand && now.getTime() - last.resolvedAt.getTime() < windowMs;
  if (change === 'fired' && input.openIncidentId === null && resolvedItselfRecently) {
    // flapping (just now, or still), or firing again soon after its flapping incident resolved quietly
    const resumed = !flapping && !reached && stored?.endedBy === 'quiet' && stored.incidentId === last.id;
    if (flapping || reached || resumed) {
      reopenIncidentId = last.id;
      if (resumed) {
        flappingSince = now;
        flapChanges = stored!.flapChanges + 1;
      }
      endedBy = null;
      const ago = formatAgo(now.getTime() - last.resolvedAt.getTime());
      events.push({
        type: 'flap_reopened',
        data: { ...numbers, flapChanges, resolvedIncidentNumber: last.number },
        message: `Re-opened: its alerts fired again ${ago} after incident #${last.number} resolved by itself. The group is flapping: ${flapChanges} state changes (firing ↔ resolved) since it started; ${count} in the last ${win}. Not paged again; it stays open until nothing has fired for ${win}`,
      });
    }
  }
  if (reached) {
    events.unshift({
      type: 'flapping_started',
      data: numbers,
      message: `Flapping: its alerts went from firing to resolved or back ${count} times in ${win} (threshold ${settings.changes}). ${
        change === 'resolved' ? 'Kept open though they resolved: ' : ''
      }the incident stays open while they resolve and fire again, re-fires page no one, and it resolves by itself once nothing has fired for ${win}`,
    });
  }
  const suppressed = change === 'fired' && (reopenIncidentId !== null || (flapping && input.openIncidentId !== null));
  if (suppressed && reopenIncidentId === null) {
    events.push({
      type: 'flap_suppressed',
      data: { ...numbers, flapChanges },
      message: `Firing again while flapping (${flapChanges} state changes since it started; ${count} in the last ${win}, threshold ${settings.changes}): not paged again`,
    });
  }
  if (change === 'fired' && stored?.endedBy === 'hand' && !flapping && !reached) {
    // the first firing after a person ended the flap state: a new incident, which pages (and says why it is new)
    const handNumber = last && last.byHand && last.id === stored.incidentId ? last.number : null;
    events.push({
      type: 'flapped_before',
      data: { flapChanges: stored.flapChanges, resolvedIncidentNumber: handNumber },
      message: `This group had been flapping (${stored.flapChanges} state changes) until a person resolved ${
        handNumber === null ? 'its incident' : `incident #${handNumber}`
      } by hand, which ended the flapping: this firing opened a new incident, which pages`,
    });
    endedBy = null;
  }
  if (reopenIncidentId !== null) incidentId = reopenIncidentId;
  else if (reached || (flappingSince !== null && input.openIncidentId !== null)) incidentId = input.openIncidentId;
  return {
    next: { firing: firingNow, changes: recent, flappingSince, flapChanges, incidentId, endedBy },
    change,
    holdOpen: flappingSince !== null && input.openIncidentId !== null,
    reopenIncidentId,
    suppressed,
    events,
  };
}

/** The flap end pass: a flapping group with nothing firing for windowSeconds since its last change is over. */
export function isFlapQuiet(settings: NoiseSettings['flapping'], state: Pick<FlapState, 'firing' | 'changes' | 'flappingSince'>, now: Date): boolean {
  if (state.flappingSince === null || state.firing) return false;
  const last = state.changes.at(-1) ?? state.flappingSince;
  return now.getTime() - last.getTime() >= settings.windowSeconds * 1000;
}

/** The `flapping_ended` entry of the end pass (the incident then resolves). */
export function flapEndedQuietly(settings: NoiseSettings['flapping'], flapChanges: number): FlapEvent {
  const win = formatWindow(settings.windowSeconds);
  return {
    type: 'flapping_ended',
    data: { reason: 'quiet', flapChanges, windowSeconds: settings.windowSeconds },
    message: `Flapping ended: nothing has fired for ${win} (${flapChanges} state changes while it flapped). Resolved; if its alerts fire again within ${win}, this incident re-opens`,
  };
}

/** The `flapping_ended` entry when a person resolves a flapping group's incident. */
export function flapEndedByHand(flapChanges: number): FlapEvent {
  return {
    type: 'flapping_ended',
    data: { reason: 'hand', flapChanges, windowSeconds: null },
    message: `Flapping ended: resolved by hand (${flapChanges} state changes while it flapped). The next firing of its alerts opens a new incident that pages`,
  };
}

function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}
