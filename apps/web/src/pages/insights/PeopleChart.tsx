import type { PersonRowJson } from '@heinrich/contracts/insights';
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const COLOURS = { business: '#2563eb', offHours: '#d97706', sleep: '#7e22ce' };
const MAX_PEOPLE = 12;

/**
 * Interruptions per person as stacked bars (uPlot): business hours, off hours
 * and sleep hours in each person's own zone. The chart is a picture of the
 * people table under it (the text alternative): its label says the same in
 * words, and the legend names each part.
 */
export function PeopleChart({ rows }: { rows: readonly PersonRowJson[] }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => rows.slice(0, MAX_PEOPLE), [rows]);

  useEffect(() => {
    const el = box.current;
    if (!el || shown.length === 0) return;
    const x = shown.map((_, i) => i);
    const sleep = shown.map((r) => r.sleep);
    const offAndSleep = shown.map((r) => r.sleep + r.offHours);
    const all = shown.map((r) => r.sleep + r.offHours + r.business);
    const bars = uPlot.paths.bars!({ size: [0.6, 48] });
    // stacked by drawing the totals first and each smaller part over them
    const series = (label: string, colour: string): uPlot.Series => ({ label, fill: colour, stroke: colour, width: 0, paths: bars, points: { show: false } });
    const names = shown.map((r) => r.name);
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: 220,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, shown.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { values: (_u, ticks) => ticks.map((t) => names[t] ?? ''), splits: () => x, gap: 4, size: 40 },
        { label: 'Interruptions', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: (_u, ticks) => ticks.map((t) => String(t)) },
      ],
      series: [{}, series('Business hours', COLOURS.business), series('Off hours', COLOURS.offHours), series('Sleep hours', COLOURS.sleep)],
    };
    const chart = new uPlot(opts, [x, all, offAndSleep, sleep], el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, el.clientWidth), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [shown]);

  if (shown.length === 0) return null;
  const words = shown.map((r) => `${r.name} ${r.interruptions} (business ${r.business}, off hours ${r.offHours}, sleep ${r.sleep})`).join('; ');
  return (
    <figure className="people-chart">
      <div ref={box} role="img" aria-label={`Interruptions per person: ${words}`} />
      <figcaption className="chart-legend">
        <span>
          <span className="swatch" style={{ background: COLOURS.business }} aria-hidden="true" /> Business hours (09:00–18:00 Mon–Fri)
        </span>
        <span>
          <span className="swatch" style={{ background: COLOURS.offHours }} aria-hidden="true" /> Off hours
        </span>
        <span>
          <span className="swatch" style={{ background: COLOURS.sleep }} aria-hidden="true" /> Sleep hours (22:00–07:00)
        </span>
        <span className="muted">each in the person’s own zone; bottom to top: sleep, off hours, business</span>
      </figcaption>
    </figure>
  );
}
