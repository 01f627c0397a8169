import type { TeamJson } from '@heinrich/contracts/teams';
import type { UserJson } from '@heinrich/contracts/users';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateSchedule, usePreviewNewSchedule } from '../../api/schedules';
import { formatDayTime } from '../../lib/time';
import { PreviewPanel } from './PreviewPanel';
import { gapsWithin } from './new-schedule-gaps';
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
  const [layer, setLayerState] = useState<LayerDraft>(() => newLayerDraft(Date.now(), zone));
  const create = useCreateSchedule();
  const previewing = usePreviewNewSchedule();
  const [lastWrite, setLastWrite] = useState<'preview' | 'create'>('preview');
  const error = lastWrite === 'preview' ? previewing.error : create.error;
  const busy = create.isPending || create.isSuccess || previewing.isPending;
  // the preview shown is of this draft (its 14 days count from the preview's own now, `from`): any edit asks for it again before creating
  const preview = previewing.data ?? null;
  const soonGaps = preview ? gapsWithin(preview.newGaps, Date.parse(preview.from), 14) : [];
  const setLayer = (l: LayerDraft) => {
    setLayerState(l);
    previewing.reset();
  };
  const team = teams.find((t) => t.id === teamId) ?? null;
  const people = useMemo(() => onCallCandidates(team, users), [team, users]);
  const nameOf = useMemo(() => namer(team, users), [team, users]);

  function runPreview() {
    setLastWrite('preview');
    create.reset();
    previewing.mutate({ teamId, timeZone, layers: [draftToLayer(layer, timeZone)] });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!preview) return runPreview();
    setLastWrite('create');
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
          {(props) => (
            <TeamSelect
              {...props}
              teams={teams}
              value={teamId}
              onChange={(t) => {
                setTeamId(t);
                previewing.reset();
              }}
              required
            />
          )}
        </Field>
        <Field label="Time zone" path="timeZone" error={error} hint="Handoffs and restrictions are read in this zone.">
          {(props) => (
            <TimeZonePicker
              {...props}
              value={timeZone}
              onChange={(z) => {
                setTimeZone(z);
                previewing.reset();
              }}
              required
            />
          )}
        </Field>
      </div>
      <fieldset className="layer">
        <legend>Layer 1</legend>
        {teamId ? null : <p className="hint">Choose the team first: its responders and leads can be in the rotation.</p>}
        <LayerEditor draft={layer} index={0} zone={timeZone} people={people} nameOf={nameOf} error={error} onChange={setLayer} />
      </fieldset>
      <p className="hint">Preview first: it shows who would be on call over the next four weeks and any gap, before anything is saved.</p>
      <FormError error={error} shownPaths={['name', 'teamId', 'timeZone', ...layerShownPaths(0)]} />
      {preview ? <PreviewPanel preview={preview} zone={zone} /> : null}
      {soonGaps.length > 0 ? (
        <div className="warning-banner" role="alert" aria-label="Gaps in the next 14 days">
          <p>
            <strong>Nobody would be on call {soonGaps[0]!.now ? 'right now' : 'in the next 14 days'}</strong>: incidents then page no one by this schedule.
          </p>
          <ul>
            {soonGaps.map((g) => (
              <li key={g.start}>
                {formatDayTime(g.start, zone)} – {formatDayTime(g.end, zone)}
              </li>
            ))}
          </ul>
          <p>Change the first shift or add people, or create it anyway.</p>
        </div>
      ) : null}
      <div className="actions">
        {preview ? null : (
          <button type="submit" className="primary" disabled={busy}>
            {previewing.isPending ? 'Computing preview…' : 'Preview'}
          </button>
        )}
        {preview ? (
          <button type="submit" className="primary" disabled={busy}>
            {create.isPending || create.isSuccess ? 'Creating…' : soonGaps.length > 0 ? 'Create anyway, with gaps' : 'Create schedule'}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
