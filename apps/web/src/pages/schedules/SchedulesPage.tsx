import type { ScheduleJson, ShiftsJson } from '@heinrich/contracts/schedules';
import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, asApiError, type ApiError } from '../../api/client';
import { canEditTeam, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { listAll } from './list-all';
import { NewScheduleForm } from './NewScheduleForm';
import { formatDuration, nowAndNext, userNames } from './timeline-model';
import { formatDayTime, viewerZone } from '../../lib/time';
import './schedules.css';

const LOOKAHEAD = 14 * 86_400_000;

/** One schedule's line: who is on call now (until when) and next, from its final shifts of the next two weeks. */
function ScheduleItem({ schedule, teamName, zone }: { schedule: ScheduleJson; teamName: string; zone: string }) {
  const [data, setData] = useState<{ shifts: ShiftsJson; now: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const now = Date.now();
    const from = new Date(now).toISOString();
    const to = new Date(now + LOOKAHEAD).toISOString();
    api
      .get<ShiftsJson>(`/schedules/${schedule.id}/shifts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
      .then((shifts) => setData({ shifts, now }))
      .catch((err: unknown) => setError(asApiError(err)));
  }, [schedule.id]);
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
  const [schedules, setSchedules] = useState<ScheduleJson[] | null>(null);
  const [teams, setTeams] = useState<TeamJson[]>([]);
  const [users, setUsers] = useState<UserJson[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    Promise.all([listAll<ScheduleJson>('/schedules'), listAll<TeamJson>('/teams'), listAll<UserJson>('/users')])
      .then(([s, t, u]) => {
        setSchedules(s);
        setTeams(t);
        setUsers(u);
      })
      .catch((err: unknown) => setError(asApiError(err)));
  }, []);

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
