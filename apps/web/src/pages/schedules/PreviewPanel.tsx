import type { PreviewJson } from '@heinrich/contracts/schedules';
import { userNames } from './timeline-model';
import { formatDayTime } from '../../lib/time';

const hours = (h: number) => `${Math.round(h * 10) / 10} h`;
const signed = (h: number) => (h > 0 ? `+${hours(h)}` : h < 0 ? `−${hours(-h)}` : '±0 h');

/**
 * What saving the draft would change over the next weeks, as the API's preview
 * computed it: hours gained and lost per person, gaps opened and closed, and
 * every stretch where someone else would be on call.
 */
export function PreviewPanel({ preview, zone }: { preview: PreviewJson; zone: string }) {
  const changed = preview.users.filter((u) => u.hoursDelta !== 0);
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">
        Preview: the next {preview.weeks} weeks if you save now
      </h3>
      <p className="hint">
        {formatDayTime(preview.from, zone)} – {formatDayTime(preview.to, zone)}. Nothing is saved yet.
      </p>
      {preview.changes.length === 0 ? (
        <p className="preview-none">No change: the same people would be on call at the same times.</p>
      ) : null}
      {preview.users.length > 0 ? (
        <table className="preview-hours">
          <caption>Hours on call per person</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {preview.users.map((u) => (
              <tr key={u.userId} className={u.hoursDelta > 0 ? 'gain' : u.hoursDelta < 0 ? 'loss' : undefined}>
                <th scope="row">{u.name ?? 'a deleted user'}</th>
                <td>{hours(u.hoursBefore)}</td>
                <td>{hours(u.hoursAfter)}</td>
                <td>{u.hoursDelta > 0 ? `gains ${signed(u.hoursDelta)}` : u.hoursDelta < 0 ? `loses ${signed(u.hoursDelta)}` : 'no change'}</td>
              </tr>
            ))}
            <tr className={preview.gapHoursAfter > preview.gapHoursBefore ? 'loss' : undefined}>
              <th scope="row">Nobody on call (gaps)</th>
              <td>{hours(preview.gapHoursBefore)}</td>
              <td>{hours(preview.gapHoursAfter)}</td>
              <td>{signed(preview.gapHoursAfter - preview.gapHoursBefore)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {preview.newGaps.length > 0 ? (
        <div className="preview-gaps" role="alert">
          <h4>New gaps: nobody would be on call</h4>
          <ul>
            {preview.newGaps.map((g) => (
              <li key={g.start}>
                {formatDayTime(g.start, zone)} – {formatDayTime(g.end, zone)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.closedGaps.length > 0 ? (
        <div>
          <h4>Gaps closed</h4>
          <ul>
            {preview.closedGaps.map((g) => (
              <li key={g.start}>
                {formatDayTime(g.start, zone)} – {formatDayTime(g.end, zone)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.changes.length > 0 ? (
        <details open={preview.changes.length <= 6}>
          <summary>
            {preview.changes.length} stretch{preview.changes.length === 1 ? '' : 'es'} with someone else on call ({changed.length} people affected)
          </summary>
          <ul className="preview-changes">
            {preview.changes.map((c) => (
              <li key={c.start}>
                {formatDayTime(c.start, zone)} – {formatDayTime(c.end, zone)}: {userNames(c.before)} → {userNames(c.after)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
