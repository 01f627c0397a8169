import type { Insights } from './build-insights';

export type InsightsTableName = 'pyramid' | 'response' | 'people' | 'noise' | 'recurring';

type Cell = string | number | boolean | null;

/** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is quoted with a ' first (no formulas in spreadsheets) */
function cell(v: Cell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (header: string[], rows: Cell[][]) => [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** One table of a report as CSV (GET /api/v1/insights/{table}.csv): a header line, then one line per row. */
export function insightsCsv(report: Insights, table: InsightsTableName): string {
  const period = [report.period.from, report.period.to];
  switch (table) {
    case 'pyramid': {
      const p = report.pyramid;
      const levels = ['major', 'minor', 'nearMiss', 'deduplicated'] as const;
      return csv(
        ['from', 'to', 'level', 'count', 'previous', 'delta', 'percent'],
        levels.map((l) => [...period, l, p[l], p.previous[l], p.trend[l].delta, p.trend[l].percent]),
      );
    }
    case 'response': {
      const r = report.response;
      return csv(
        ['from', 'to', 'incidents', 'acknowledged', 'resolved', 'mttaMedianSeconds', 'mttaP90Seconds', 'mttrMedianSeconds', 'mttrP90Seconds', 'acknowledgedWithin5Min', 'acknowledgedWithin5MinShare', 'escalatedPastFirstStep', 'exhaustedPolicy'],
        [[...period, r.incidents, r.acknowledged, r.resolved, r.mtta.medianSeconds, r.mtta.p90Seconds, r.mttr.medianSeconds, r.mttr.p90Seconds, r.acknowledgedWithin5Min.count, r.acknowledgedWithin5Min.share, r.escalatedPastFirstStep, r.exhaustedPolicy]],
      );
    }
    case 'people':
      return csv(
        ['from', 'to', 'userId', 'name', 'timeZone', 'pages', 'interruptions', 'business', 'offHours', 'sleep'],
        report.people.rows.map((u) => [...period, u.userId, u.name, u.timeZone, u.pages, u.interruptions, u.business, u.offHours, u.sleep]),
      );
    case 'noise':
      return csv(
        ['from', 'to', 'serviceId', 'serviceName', 'key', 'incidents', 'pages', 'resolvedWithoutAckShare', 'medianDurationSeconds', 'flapping', 'hint'],
        report.noise.map((n) => [...period, n.serviceId, n.serviceName, n.key, n.incidents, n.pages, n.resolvedWithoutAckShare, n.medianDurationSeconds, n.flapping, n.hint]),
      );
    case 'recurring':
      return csv(
        ['from', 'to', 'serviceId', 'serviceName', 'groupKey', 'title', 'reopenings', 'openings'],
        report.recurring.map((g) => [...period, g.serviceId, g.serviceName, g.groupKey, g.title, g.reopenings, g.openings.map((o) => `${o.at} #${o.number} ${o.kind}`).join('; ')]),
      );
  }
}
