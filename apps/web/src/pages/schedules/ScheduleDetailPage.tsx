import type { ScheduleJson } from '@heinrich/contracts/schedules';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeleteSchedule, useSchedule, useShifts } from '../../api/schedules';
import { useTeam } from '../../api/teams';
import { useUsers } from '../../api/users';
import { canEditTeam, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { DeleteButton } from './DeleteButton';
import { describeRotation, layerToDraft } from './layer-draft';
import { LayersEditor } from './LayersEditor';
import { OnCallSummary } from './OnCallSummary';
import { OverridesPanel } from './OverridesPanel';
import { namer, onCallCandidates } from './people';
import { ScheduleTimeline, TimelineLegend } from './ScheduleTimeline';
import { startOfDay, viewerZone } from '../../lib/time';
import './schedules.css';
// hu: paging-readiness findings of this object (issue 23)
import { ReadinessBanner } from '../../components/ReadinessFindings';

const DAYS = 28;
/** Who is on call changes while the page is open (an override added elsewhere, a handoff). */
const SHIFTS_POLL_MS = 60_000;

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
  // the editor, a save's notice: one schedule's
  return <ScheduleView key={id} id={id} />;
}

function ScheduleView({ id }: { id: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const zone = useMemo(() => viewerZone(), []);
  const scheduleQuery = useSchedule(id);
  const schedule = scheduleQuery.data ?? null;
  const error = scheduleQuery.error;
  // the team and the users name people; the page works without them
  const team = useTeam(schedule?.teamId ?? '', { enabled: schedule !== null }).data ?? null;
  const usersQuery = useUsers();
  const users = useMemo(() => usersQuery.data ?? [], [usersQuery.data]);
  // the next four weeks from today's midnight in the viewer's zone, at the time of each request
  const shiftsQuery = useShifts(id, `${DAYS}-days-${zone}`, (t) => ({ from: startOfDay(t, zone), to: startOfDay(t, zone, DAYS) }), {
    layers: true,
    refetchMs: SHIFTS_POLL_MS,
  });
  const shifts = shiftsQuery.data?.shifts ?? null;
  const now = shiftsQuery.data?.now ?? 0;
  const shiftsError = shiftsQuery.error;
  const remove = useDeleteSchedule(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

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
      {/* hu: readiness findings */}
      <ReadinessBanner objectId={schedule.id} />
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
            // the schedule's queries (its shifts too) are read again by the save
            setEditing(false);
            setSaved(`Saved: the new layers are in force from now (version ${s.version}).`);
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

      <OverridesPanel schedule={schedule} people={people} viewerZone={zone} />
      {mayEdit ? <DeleteButton what="schedule" name={schedule.name} mutation={remove} onDeleted={() => void navigate('/schedules', { replace: true })} /> : null}
    </div>
  );
}
