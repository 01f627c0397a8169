import type { ScheduleJson } from '@heinrich/contracts/schedules';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useSchedules, useShifts } from '../../api/schedules';
import { useTeams } from '../../api/teams';
import { useUsers } from '../../api/users';
import { canEditTeam, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { NewScheduleForm } from './NewScheduleForm';
import { formatDuration, nowAndNext, userNames } from './timeline-model';
import { formatDayTime, viewerZone } from '../../lib/time';
import './schedules.css';

const LOOKAHEAD = 14 * 86_400_000;
const nextTwoWeeks = (now: number) => ({ from: now, to: now + LOOKAHEAD });

/** One schedule's line: who is on call now (until when) and next, from its final shifts of the next two weeks. */
function ScheduleItem({ schedule, teamName, zone }: { schedule: ScheduleJson; teamName: string; zone: string }) {
  const shifts = useShifts(schedule.id, 'next-2-weeks', nextTwoWeeks);
  const data = shifts.data ?? null;
  const error = shifts.error;
  const r = data ? nowAndNext(data.shifts.shifts, data.now) : null;
  const until = (end: string) => (data && end === data.shifts.to ? 'for 2 weeks or more' : `until ${formatDayTime(end, zone)}`);
  return (
    <li className="card schedule-item">
      <h2>
        <Link to={`/schedules/${schedule.id}`}>{schedule.name}</Link>
      </h2>
      <p className="hint">
        Team {teamName} · {schedule.timeZone} · {schedule.layers.length} layer{schedule.layers.length === 1 ? '' : 's'}
      </p>
      {error ? <FormError error={error} /> : null}
      {r ? (
        <dl className="on-call-summary compact">
          <div className={r.now ? 'on-call-now' : 'on-call-now gap'}>
            <dt>On call now</dt>
            <dd>
              {r.now ? (
                <>
                  <strong>{userNames(r.now.users)}</strong> {until(r.now.end)}
                  {r.now.end !== data!.shifts.to ? <span className="hint"> ({formatDuration(Date.parse(r.now.end) - data!.now)} left)</span> : null}
                </>
              ) : (
                <strong>Nobody (gap)</strong>
              )}
            </dd>
          </div>
          <div>
            <dt>Next</dt>
            <dd>
              {r.next ? (
                <>
                  <strong>{userNames(r.next.users)}</strong> from {formatDayTime(r.next.start, zone)} {until(r.next.end)}
                </>
              ) : (
                'Nobody else in the next 2 weeks'
              )}
            </dd>
          </div>
        </dl>
      ) : !error ? (
        <p>Loading who is on call…</p>
      ) : null}
    </li>
  );
}

/** Every schedule with who is on call now and next; leads and admins create new ones here. */
export function SchedulesPage() {
  const me = useMe();
  const zone = useMemo(() => viewerZone(), []);
  const schedulesQuery = useSchedules();
  const teamsQuery = useTeams();
  const usersQuery = useUsers();
  const schedules = schedulesQuery.data ?? null;
  const teams = teamsQuery.data ?? [];
  const users = usersQuery.data ?? [];
  const error = schedulesQuery.error ?? teamsQuery.error ?? usersQuery.error;
  const [creating, setCreating] = useState(false);

  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? 'unknown';
  const editableTeams = teams.filter((t) => canEditTeam(me, t.id));

  return (
    <>
      <div className="page-head">
        <h1>Schedules</h1>
        {editableTeams.length > 0 && !creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New schedule
          </button>
        ) : null}
      </div>
      <p className="zone-line">
        Times in <strong>{zone}</strong> (your zone)
      </p>
      {creating ? <NewScheduleForm teams={editableTeams} users={users} zone={zone} onCancel={() => setCreating(false)} /> : null}
      <FormError error={error} />
      {schedules === null && !error ? <p aria-live="polite">Loading schedules…</p> : null}
      {schedules && schedules.length === 0 ? <p>No schedules yet.</p> : null}
      {schedules && schedules.length > 0 ? (
        <ul className="schedule-list">
          {schedules.map((s) => (
            <ScheduleItem key={s.id} schedule={s} teamName={teamName(s.teamId)} zone={zone} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
