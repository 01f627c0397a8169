import type { ShiftJson, ShiftsJson } from '@heinrich/contracts/schedules';
import { useState } from 'react';
import { barsOf, shiftsByDay, userNames, type ShiftKind } from './timeline-model';
import { useMediaQuery } from './use-media-query';
import { formatDayTime, formatDay, formatTime, startOfDay } from '../../lib/time';

const KIND_LABEL: Record<ShiftKind, string> = { gap: 'gap: nobody on call', override: 'override', layer: '' };

/** Rows of the timeline: each layer (lowest first, revisions of the range merged by position), then the final result. */
function layerRows(data: ShiftsJson): { label: string; shifts: ShiftJson[] }[] {
  const byIndex = new Map<number, { label: string; shifts: ShiftJson[] }>();
  for (const l of data.layers ?? []) {
    const row = byIndex.get(l.layerIndex) ?? { label: l.layerName, shifts: [] };
    row.label = l.layerName;
    row.shifts.push(...l.shifts);
    byIndex.set(l.layerIndex, row);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

function describe(shift: ShiftJson, kind: ShiftKind, zone: string, start = shift.start, end = shift.end): string {
  const extra = KIND_LABEL[kind];
  return `${userNames(shift.users)}, ${formatDayTime(start, zone)} – ${formatDayTime(end, zone)}${extra && kind !== 'gap' ? ` (${extra})` : ''}`;
}

function Track({ label, shifts, from, to, zone, final }: { label: string; shifts: ShiftJson[]; from: number; to: number; zone: string; final?: boolean }) {
  const bars = barsOf(shifts, from, to).filter((b) => final || b.kind !== 'gap');
  return (
    <div className={`tl-row${final ? ' tl-final' : ''}`}>
      <div className="tl-label">{label}</div>
      <ul className="tl-track" aria-label={label}>
        {bars.map((b) => (
          <li
            key={b.shift.start}
            className={`tl-bar tl-${b.kind}`}
            style={{ left: `${b.left}%`, width: `${b.width}%` }}
            title={describe(b.shift, b.kind, zone)}
          >
            <span className="tl-bar-text" aria-hidden="true">
              {b.kind === 'gap' ? 'Nobody' : userNames(b.shift.users)}
            </span>
            <span className="sched-sr">{describe(b.shift, b.kind, zone)}{b.kind === 'gap' ? ' (gap: nobody on call)' : ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The coming weeks: on wide screens a horizontally scrollable grid with a row per
 * layer and the final result (overrides and gaps highlighted); on phones the
 * final shifts as a list per day. Times in the viewer's zone.
 */
export function ScheduleTimeline({ data, days, zone, now }: { data: ShiftsJson; days: number; zone: string; now: number }) {
  const wide = useMediaQuery('(min-width: 700px)');
  // a phone shows the first week; the rest on request (28 days of shifts is a long scroll at 3 am)
  const [allDays, setAllDays] = useState(false);
  const from = Date.parse(data.from);
  const to = Date.parse(data.to);
  if (!wide) {
    const shown = allDays ? days : Math.min(days, 7);
    return (
      <div className="tl-days">
        {shiftsByDay(data.shifts, from, shown, zone).map((day) => (
          <section key={day.day} className="tl-day" aria-label={formatDay(day.day, zone)}>
            <h3>{formatDay(day.day, zone)}</h3>
            <ul>
              {day.shifts.map((s) => (
                <li key={s.shift.start} className={`tl-item tl-${s.kind}`}>
                  <span className="tl-when">
                    {formatTime(s.start, zone)}–{s.end === startOfDay(s.end, zone) ? '24:00' : formatTime(s.end, zone)}
                  </span>{' '}
                  <span className="tl-who">{s.kind === 'gap' ? 'Nobody on call' : userNames(s.shift.users)}</span>
                  {s.kind !== 'layer' ? <span className={`tag tag-${s.kind}`}>{s.kind === 'gap' ? 'gap' : 'override'}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {shown < days ? (
          <button type="button" className="tl-more" onClick={() => setAllDays(true)}>
            Show all {Math.round(days / 7)} weeks
          </button>
        ) : null}
      </div>
    );
  }
  const dayStarts = Array.from({ length: days }, (_, i) => startOfDay(from, zone, i));
  const nowLeft = ((now - from) / (to - from)) * 100;
  return (
    <div className="tl-scroll" role="region" aria-label="Timeline" tabIndex={0}>
      <div className="tl-grid" style={{ width: `calc(9rem + ${days} * 5rem)` }}>
        <div className="tl-row tl-head" aria-hidden="true">
          <div className="tl-label" />
          <div className="tl-track">
            {dayStarts.map((d) => (
              <span key={d} className="tl-day-label" style={{ left: `${((d - from) / (to - from)) * 100}%` }}>
                {formatDay(d, zone)}
              </span>
            ))}
          </div>
        </div>
        {layerRows(data).map((row, i) => (
          <Track key={i} label={`Layer: ${row.label}`} shifts={row.shifts} from={from} to={to} zone={zone} />
        ))}
        <Track label="On call (final)" shifts={data.shifts} from={from} to={to} zone={zone} final />
        {nowLeft >= 0 && nowLeft <= 100 ? <div className="tl-now" style={{ left: `calc(9rem + (100% - 9rem) * ${nowLeft / 100})` }} aria-hidden="true" /> : null}
      </div>
    </div>
  );
}

export function TimelineLegend() {
  return (
    <p className="tl-legend">
      <span className="tl-swatch tl-layer" aria-hidden="true" /> rotation <span className="tl-swatch tl-override" aria-hidden="true" /> override{' '}
      <span className="tl-swatch tl-gap" aria-hidden="true" /> gap (nobody on call)
    </p>
  );
}
