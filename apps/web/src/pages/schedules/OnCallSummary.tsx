import type { ShiftJson } from '@heinrich/contracts/schedules';
import { formatDuration, nowAndNext, userNames } from './timeline-model';
import { formatDayTime } from '../../lib/time';

/** Who is on call now and until when, and who is next, from the final shifts (which must cover now). */
export function OnCallSummary({ shifts, rangeEnd, now, zone }: { shifts: ShiftJson[]; rangeEnd: string; now: number; zone: string }) {
  const { now: current, next } = nowAndNext(shifts, now);
  const until = (end: string) => (end === rangeEnd ? `at least until ${formatDayTime(end, zone)}` : `until ${formatDayTime(end, zone)}`);
  return (
    <dl className="on-call-summary">
      <div className={current ? 'on-call-now' : 'on-call-now gap'}>
        <dt>On call now</dt>
        <dd>
          {current ? (
            <>
              <strong>{userNames(current.users)}</strong> {until(current.end)} <span className="hint">({formatDuration(Date.parse(current.end) - now)} left)</span>
            </>
          ) : (
            <strong>Nobody: this is a gap</strong>
          )}
        </dd>
      </div>
      <div>
        <dt>Next</dt>
        <dd>
          {next ? (
            <>
              <strong>{userNames(next.users)}</strong> from {formatDayTime(next.start, zone)} {until(next.end)}
            </>
          ) : (
            'Nobody else in the coming weeks'
          )}
        </dd>
      </div>
    </dl>
  );
}
