import { classifyIncident, NEAR_MISS_REASONS, openEnd, type NearMissReason } from './classify-incident';
import { countInterruptions, type NotifiedEvent } from './count-interruptions';
import type { IncidentFacts, IncidentLevelFacts } from './incident-facts';
import type { Period } from './insights-period';
import { noiseHint } from './noise-hint';
import { median, percentile } from './percentile';

/** a re-fire folded into a flap (a `flap_suppressed` or `flap_reopened` timeline entry) */
export interface FlapRefire {
  incidentId: string;
  serviceId: string;
  serviceName: string;
  key: string;
  at: number;
}

/** an incident of a group opening in the period: a new incident, or a flap re-opening one */
export interface GroupOpening {
  serviceId: string;
  serviceName: string;
  groupKeyHash: string;
  groupKey: string;
  title: string;
  incidentId: string;
  number: number;
  at: number;
  kind: 'opened' | 'reopened';
}

/** someone paged or notified about the period's incidents */
export interface InsightsPerson {
  userId: string;
  name: string;
  timeZone: string;
}

export interface InsightsInput {
  now: number;
  period: Period;
  previousPeriod: Period;
  /** the incidents opened in the period */
  incidents: readonly IncidentFacts[];
  /** those opened in the previous period (for the pyramid's trend: their levels alone) */
  previousIncidents: readonly IncidentLevelFacts[];
  flapRefires: readonly FlapRefire[];
  previousFlapRefires: number;
  /** the people paged or notified about the period's incidents (IncidentFacts pagedUserIds, notified); anyone else there is not counted */
  users: readonly InsightsPerson[];
  openings: readonly GroupOpening[];
  /** `${serviceId}\0${groupKeyHash}` of groups with an incident opened before the period */
  groupsOpenedBefore: ReadonlySet<string>;
  scope: { teamId: string | null; serviceId: string | null; services: number };
}

/** at most this many rows in the noise table, and people in `top` */
export const NOISE_ROWS = 20;
export const TOP_PEOPLE = 5;
/** a group that re-opened this many times or more is recurring */
export const RECURRING_REOPENINGS = 3;
const ACK_FAST_MS = 5 * 60_000;
const SELF_RESOLVE_MS = 3 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();
const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

interface Counts {
  major: number;
  minor: number;
  nearMiss: number;
  deduplicated: number;
}

function pyramidCounts<T extends IncidentLevelFacts>(incidents: readonly T[], refires: number, now: number) {
  const counts: Counts = { major: 0, minor: 0, nearMiss: refires, deduplicated: 0 };
  const reasons = Object.fromEntries(NEAR_MISS_REASONS.map((r) => [r, 0])) as Record<NearMissReason, number>;
  const paged: T[] = [];
  for (const f of incidents) {
    const c = classifyIncident(f, now);
    counts[c.level] += 1;
    if (c.level === 'nearMiss') reasons[c.reason] += 1;
    else paged.push(f);
    counts.deduplicated += f.deduplicated;
  }
  return { counts, reasons, paged };
}

function change(current: number, previous: number) {
  return { delta: current - previous, percent: previous === 0 ? null : round1(((current - previous) / previous) * 100) };
}

/** "1 : 29 : 300": reduced to one major when there is one, else the plain counts */
export function pyramidRatio(c: Counts) {
  if (c.major === 0) return { text: `0 : ${c.minor} : ${c.nearMiss}`, minorPerMajor: null, nearMissPerMajor: null };
  const minor = round1(c.minor / c.major);
  const nearMiss = round1(c.nearMiss / c.major);
  return { text: `1 : ${minor} : ${nearMiss}`, minorPerMajor: minor, nearMissPerMajor: nearMiss };
}

const stats = (values: number[]) => ({ medianSeconds: median(values), p90Seconds: percentile(values, 0.9) });

/** The report (packages/contracts/src/insights.ts insightsJson), from what was loaded: pure. */
export function buildInsights(input: InsightsInput) {
  const { now } = input;
  const current = pyramidCounts(input.incidents, input.flapRefires.length, now);
  const previous = pyramidCounts(input.previousIncidents, input.previousFlapRefires, now);
  const c = current.counts;
  const p = previous.counts;

  // response: the incidents that paged someone
  const paged = current.paged;
  const acked = paged.filter((f) => f.firstAckAt !== null);
  const resolved = paged.flatMap((f) => {
    const end = openEnd(f);
    return end === null ? [] : [{ f, at: end.at }];
  });
  const ackedFast = acked.filter((f) => f.firstAckAt! - f.createdAt <= ACK_FAST_MS).length;

  // people: pages and messages of the period's incidents, of the people known
  const zones = new Map(input.users.map((u) => [u.userId, u.timeZone]));
  const pages = new Map<string, number>();
  const notified: NotifiedEvent[] = [];
  for (const f of input.incidents) {
    for (const id of f.pagedUserIds) if (zones.has(id)) pages.set(id, (pages.get(id) ?? 0) + 1);
    for (const n of f.notified) if (zones.has(n.userId)) notified.push({ incidentId: f.id, userId: n.userId, at: n.at });
  }
  const interruptions = countInterruptions(notified, (id) => zones.get(id) ?? 'UTC');
  const rows = input.users
    .filter((u) => pages.has(u.userId) || interruptions.has(u.userId))
    .map((u) => {
      const b = interruptions.get(u.userId) ?? { business: 0, offHours: 0, sleep: 0 };
      return { userId: u.userId, name: u.name, timeZone: u.timeZone, pages: pages.get(u.userId) ?? 0, interruptions: b.business + b.offHours + b.sleep, ...b };
    })
    .sort((a, b) => b.interruptions - a.interruptions || b.pages - a.pages || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  const sum = (k: 'pages' | 'interruptions' | 'business' | 'offHours' | 'sleep') => rows.reduce((n, r) => n + r[k], 0);

  return {
    pyramid: {
      ...c,
      previous: p,
      trend: { major: change(c.major, p.major), minor: change(c.minor, p.minor), nearMiss: change(c.nearMiss, p.nearMiss), deduplicated: change(c.deduplicated, p.deduplicated) },
      ratio: pyramidRatio(c),
      previousRatio: pyramidRatio(p),
      nearMissReasons: { ...current.reasons, flapRefires: input.flapRefires.length },
    },
    response: {
      incidents: paged.length,
      acknowledged: acked.length,
      resolved: resolved.length,
      mtta: stats(acked.map((f) => (f.firstAckAt! - f.createdAt) / 1000)),
      mttr: stats(resolved.map((r) => (r.at - r.f.createdAt) / 1000)),
      acknowledgedWithin5Min: { count: ackedFast, share: paged.length === 0 ? null : round3(ackedFast / paged.length) },
      escalatedPastFirstStep: input.incidents.filter((f) => f.escalatedPastFirstStep).length,
      exhaustedPolicy: input.incidents.filter((f) => f.exhausted).length,
    },
    people: {
      rows,
      top: rows.filter((r) => r.interruptions > 0).slice(0, TOP_PEOPLE).map((r) => r.userId),
      totals: { pages: sum('pages'), interruptions: sum('interruptions'), business: sum('business'), offHours: sum('offHours'), sleep: sum('sleep') },
    },
    noise: noiseTable(input.incidents, input.flapRefires),
    recurring: recurringTable(input.openings, input.groupsOpenedBefore),
    period: { from: iso(input.period.from), to: iso(input.period.to) },
    previousPeriod: { from: iso(input.previousPeriod.from), to: iso(input.previousPeriod.to) },
    scope: input.scope,
    generatedAt: iso(now),
  };
}

export type Insights = ReturnType<typeof buildInsights>;

function noiseTable(incidents: readonly IncidentFacts[], refires: readonly FlapRefire[]) {
  interface Acc {
    serviceId: string;
    serviceName: string;
    key: string;
    incidents: number;
    pages: number;
    resolved: number;
    resolvedWithoutAck: number;
    selfResolvedWithin3Min: number;
    durations: number[];
    flapping: number;
  }
  const groups = new Map<string, Acc>();
  const acc = (serviceId: string, serviceName: string, key: string) => {
    const k = `${serviceId}\u0000${key}`;
    let a = groups.get(k);
    if (!a) {
      a = { serviceId, serviceName, key, incidents: 0, pages: 0, resolved: 0, resolvedWithoutAck: 0, selfResolvedWithin3Min: 0, durations: [], flapping: 0 };
      groups.set(k, a);
    }
    return a;
  };
  for (const f of incidents) {
    const a = acc(f.serviceId, f.serviceName, f.key);
    a.incidents += 1;
    a.pages += f.pages;
    const end = openEnd(f);
    if (end !== null) {
      const ms = end.at - f.createdAt;
      a.resolved += 1;
      a.durations.push(ms / 1000);
      if (f.firstAckAt === null || f.firstAckAt > end.at) {
        a.resolvedWithoutAck += 1;
        if (!end.byPerson && ms <= SELF_RESOLVE_MS) a.selfResolvedWithin3Min += 1;
      }
    }
  }
  for (const r of refires) acc(r.serviceId, r.serviceName, r.key).flapping += 1;
  return [...groups.values()]
    .sort((a, b) => b.incidents - a.incidents || b.pages - a.pages || b.flapping - a.flapping || a.serviceName.localeCompare(b.serviceName) || a.key.localeCompare(b.key))
    .slice(0, NOISE_ROWS)
    .map((a) => ({
      serviceId: a.serviceId,
      serviceName: a.serviceName,
      key: a.key,
      incidents: a.incidents,
      pages: a.pages,
      resolvedWithoutAckShare: a.resolved === 0 ? null : round3(a.resolvedWithoutAck / a.resolved),
      medianDurationSeconds: median(a.durations),
      flapping: a.flapping,
      hint: noiseHint(a),
    }));
}

function recurringTable(openings: readonly GroupOpening[], openedBefore: ReadonlySet<string>) {
  const groups = new Map<string, GroupOpening[]>();
  for (const o of openings) {
    const k = `${o.serviceId}\u0000${o.groupKeyHash}`;
    const list = groups.get(k);
    if (list) list.push(o);
    else groups.set(k, [o]);
  }
  const rows = [];
  for (const [k, list] of groups) {
    list.sort((a, b) => a.at - b.at || a.number - b.number);
    // the first opening re-opens nothing unless the group had an incident before the period
    const reopenings = list.length - (openedBefore.has(k) ? 0 : 1);
    if (reopenings < RECURRING_REOPENINGS) continue;
    const last = list.at(-1)!;
    rows.push({
      serviceId: last.serviceId,
      serviceName: last.serviceName,
      groupKey: last.groupKey,
      title: last.title,
      reopenings,
      openings: list.map((o) => ({ at: iso(o.at), incidentId: o.incidentId, number: o.number, kind: o.kind })),
    });
  }
  return rows.sort((a, b) => b.reopenings - a.reopenings || (b.openings.at(-1)!.at < a.openings.at(-1)!.at ? -1 : 1));
}
