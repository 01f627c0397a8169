import type { ScheduleJson, ShiftsJson } from '@heinrich/contracts/schedules';
import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, asApiError, type ApiError } from '../../api/client';
import { canEditTeam, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { usePolling } from '../../lib/usePolling';
import { DeleteButton } from './DeleteButton';
import { describeRotation, layerToDraft } from './layer-draft';
import { LayersEditor } from './LayersEditor';
import { listAll } from './list-all';
import { OnCallSummary } from './OnCallSummary';
import { OverridesPanel } from './OverridesPanel';
import { namer, onCallCandidates } from './people';
import { ScheduleTimeline, TimelineLegend } from './ScheduleTimeline';
import { startOfDay, viewerZone } from '../../lib/time';
import './schedules.css';

const DAYS = 28;

function restrictionText(r: NonNullable<ScheduleJson['layers'][number]['restrictions']>[number]): string {
  if (r.type === 'daily') return `every day ${r.start}–${r.end}`;
  return `${r.start.weekday} ${r.start.time} – ${r.end.weekday} ${r.end.time}`;
}

/** The schedule's zone line: where the times on the page are read. */
export function ZoneLine({ viewer, schedule }: { viewer: string; schedule: string }) {
  return (
    <p className="zone-line">
      Times in <strong>{viewer}</strong> (your zone){viewer === schedule ? '; the schedule uses the same zone' : <>; schedule zone <strong>{schedule}</strong></>}
    </p>
  );
}

/**
 * One schedule: who is on call now and next, the timeline of the next four
 * weeks (layers, final result, overrides and gaps), its layers with the editor
 * for those who may change them (the team's leads, admins), and overrides.
 */
export function ScheduleDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const zone = useMemo(() => viewerZone(), []);
  const [schedule, setSchedule] = useState<ScheduleJson | null>(null);
  const [team, setTeam] = useState<TeamJson | null>(null);
  const [users, setUsers] = useState<UserJson[]>([]);
  const [shifts, setShifts] = useState<ShiftsJson | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shiftsError, setShiftsError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const loadShifts = useCallback(async () => {
    const t = Date.now();
    const from = new Date(startOfDay(t, zone)).toISOString();
    const to = new Date(startOfDay(t, zone, DAYS)).toISOString();
    try {
      setShifts(await api.get<ShiftsJson>(`/schedules/${id}/shifts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&layers=true`));
      setNow(t);
      setShiftsError(null);
    } catch (err) {
      setShiftsError(asApiError(err));
    }
  }, [id, zone]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const s = await api.get<ScheduleJson>(`/schedules/${id}`);
        const [t, u] = await Promise.all([api.get<TeamJson>(`/teams/${s.teamId}`).catch(() => null), listAll<UserJson>('/users').catch(() => [])]);
        if (cancelled) return;
        setSchedule(s);
        setTeam(t);
        setUsers(u);
      } catch (err) {
        if (!cancelled) setError(asApiError(err));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id]);

  // who is on call changes while the page is open (an override added elsewhere, a handoff): refresh every minute while visible
  usePolling(loadShifts, 60_000, [loadShifts]);

  const people = useMemo(() => onCallCandidates(team, users), [team, users]);
  const nameOf = useMemo(() => namer(team, users), [team, users]);

  if (error && !schedule) {
    return (
      <>
        <h1>Schedule</h1>
        <FormError error={error} />
        <p>
          <Link to="/schedules">All schedules</Link>
        </p>
      </>
    );
  }
  if (!schedule) return <p aria-live="polite">Loading schedule…</p>;
  const mayEdit = canEditTeam(me, schedule.teamId);

  return (
    <div className="schedule-page">
      <p className="breadcrumb">
        <Link to="/schedules">Schedules</Link>
      </p>
      <h1>{schedule.name}</h1>
      <p>
        Team <Link to={`/teams/${schedule.teamId}`}>{team?.name ?? '…'}</Link>
        {schedule.description ? ` · ${schedule.description}` : null}
      </p>
      <ZoneLine viewer={zone} schedule={schedule.timeZone} />
      {saved ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      {shifts ? <OnCallSummary shifts={shifts.shifts} rangeEnd={shifts.to} now={now} zone={zone} /> : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">The next {DAYS / 7} weeks</h2>
        <TimelineLegend />
        <FormError error={shiftsError} />
        {shifts ? <ScheduleTimeline data={shifts} days={DAYS} zone={zone} now={now} /> : shiftsError ? null : <p>Loading the timeline…</p>}
      </section>

      {editing ? (
        <LayersEditor
          key={schedule.version}
          schedule={schedule}
          people={people}
          nameOf={nameOf}
          viewerZone={zone}
          onCancel={() => setEditing(false)}
          onSaved={(s) => {
            setSchedule(s);
            setEditing(false);
            setSaved(`Saved: the new layers are in force from now (version ${s.version}).`);
            void loadShifts();
          }}
        />
      ) : (
        <section className="card" aria-labelledby="layers-heading">
          <h2 id="layers-heading">Layers</h2>
          <ol className="layer-summary">
            {schedule.layers.map((l, i) => (
              <li key={i}>
                <h3>{l.name}</h3>
                <p>{describeRotation(layerToDraft(l, schedule.timeZone), schedule.timeZone)}</p>
                <p>Rotation order: {l.members.map(nameOf).join(' → ')}</p>
                <p>{l.restrictions && l.restrictions.length > 0 ? `On call only ${l.restrictions.map(restrictionText).join(', ')}` : 'Always on call'}</p>
              </li>
            ))}
          </ol>
          {mayEdit ? (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              Edit layers
            </button>
          ) : (
            <p className="hint">Only leads of team {team?.name ?? 'this team'} and admins can change the layers.</p>
          )}
        </section>
      )}

      <OverridesPanel schedule={schedule} people={people} viewerZone={zone} onChanged={() => void loadShifts()} />
      {mayEdit ? (
        <DeleteButton what="schedule" name={schedule.name} path={`/schedules/${schedule.id}`} onDeleted={() => void navigate('/schedules', { replace: true })} />
      ) : null}
    </div>
  );
}
