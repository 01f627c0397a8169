import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateSchedule } from '../../api/schedules';
import { Field, FormError } from '../../components/Form';
import { TeamSelect } from '../../components/TeamSelect';
import { draftToLayer, newLayerDraft, type LayerDraft } from './layer-draft';
import { LayerEditor, layerShownPaths } from './LayerEditor';
import { namer, onCallCandidates } from './people';
import { TimeZonePicker } from '../../components/TimeZonePicker';

/**
 * A new schedule with its first layer: by default a weekly rotation handing off
 * on the coming Monday at 09:00 in the schedule's zone. Teams offered are those
 * the caller may create schedules in (leads, admins: all).
 */
export function NewScheduleForm({ teams, users, zone, onCancel }: { teams: TeamJson[]; users: UserJson[]; zone: string; onCancel: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState(teams.length === 1 ? teams[0]!.id : '');
  const [timeZone, setTimeZone] = useState(zone);
  const [layer, setLayer] = useState<LayerDraft>(() => newLayerDraft(Date.now(), zone));
  const create = useCreateSchedule();
  const error = create.error;
  const busy = create.isPending || create.isSuccess;
  const team = teams.find((t) => t.id === teamId) ?? null;
  const people = useMemo(() => onCallCandidates(team, users), [team, users]);
  const nameOf = useMemo(() => namer(team, users), [team, users]);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name, teamId, timeZone, layers: [draftToLayer(layer, timeZone)] }, { onSuccess: (created) => void navigate(`/schedules/${created.id}`) });
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-schedule-heading">
      <h2 id="new-schedule-heading">New schedule</h2>
      <div className="field-row">
        <Field label="Name" path="name" error={error}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}
        </Field>
        <Field label="Team" path="teamId" error={error}>
          {(props) => <TeamSelect {...props} teams={teams} value={teamId} onChange={setTeamId} required />}
        </Field>
        <Field label="Time zone" path="timeZone" error={error} hint="Handoffs and restrictions are read in this zone.">
          {(props) => <TimeZonePicker {...props} value={timeZone} onChange={setTimeZone} required />}
        </Field>
      </div>
      <fieldset className="layer">
        <legend>Layer 1</legend>
        {teamId ? null : <p className="hint">Choose the team first: its responders and leads can be in the rotation.</p>}
        <LayerEditor draft={layer} index={0} zone={timeZone} people={people} nameOf={nameOf} error={error} onChange={setLayer} />
      </fieldset>
      <FormError error={error} shownPaths={['name', 'teamId', 'timeZone', ...layerShownPaths(0)]} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create schedule'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
