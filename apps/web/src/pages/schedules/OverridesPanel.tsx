import type { OverrideJson, ScheduleJson } from '@heinrich/contracts/schedules';
import { useState, type FormEvent } from 'react';
import { useAddOverride, useOverrides, useRemoveOverride } from '../../api/schedules';
import { canEditTeam, canRespond, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import type { Person } from './LayerEditor';
import { formatDayTime, isoToLocalInput, localInputToIso } from '../../lib/time';

const HOUR = 3_600_000;
const nextHour = () => Math.ceil(Date.now() / HOUR) * HOUR;

/**
 * Overrides: the current and upcoming ones with Remove, and a form to put
 * someone on call for a time range picked in the viewer's zone (converted to an
 * instant before it is sent). Leads and admins pick anyone who may be on call;
 * responders of the team may only take shifts themselves (docs/authorization.md).
 */
export function OverridesPanel({
  schedule,
  people,
  viewerZone,
}: {
  schedule: ScheduleJson;
  people: Person[];
  viewerZone: string;
}) {
  const me = useMe();
  const lead = canEditTeam(me, schedule.teamId);
  const responder = !lead && canRespond(me, schedule.teamId) && me.user !== null;
  const choices = lead ? people : responder && me.user ? [{ id: me.user.id, name: me.user.name }] : [];
  // a change of overrides changes who is on call: the mutations read the schedule's shifts again
  const overrides = useOverrides(schedule.id);
  const items = overrides.data?.items ?? null;
  const listError = overrides.error;
  const addOverride = useAddOverride(schedule.id);
  const removeOverride = useRemoveOverride(schedule.id);
  const error = addOverride.error;
  const removeError = removeOverride.error;
  const busy = addOverride.isPending;
  const [userId, setUserId] = useState(responder && me.user ? me.user.id : '');
  const [start, setStart] = useState(() => isoToLocalInput(nextHour(), viewerZone));
  const [end, setEnd] = useState(() => isoToLocalInput(nextHour() + 4 * HOUR, viewerZone));

  function add(e: FormEvent) {
    e.preventDefault();
    addOverride.mutate({ userId, start: localInputToIso(start, viewerZone) ?? start, end: localInputToIso(end, viewerZone) ?? end });
  }

  function remove(o: OverrideJson) {
    removeOverride.mutate(o.id);
  }

  const mayRemove = (o: OverrideJson) => lead || (responder && o.user.id === me.user?.id);

  return (
    <section className="card" aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">Overrides</h2>
      <p className="hint">An override puts one person on call over every layer for a time range; the latest created wins where two overlap.</p>
      {listError ? <FormError error={listError} /> : null}
      {items === null && !listError ? <p>Loading overrides…</p> : null}
      {items && items.length === 0 ? <p>No current or upcoming overrides.</p> : null}
      {items && items.length > 0 ? (
        <ul className="override-list" aria-label="Current and upcoming overrides">
          {items.map((o) => (
            <li key={o.id}>
              <span>
                <strong>{o.user.name ?? 'a deleted user'}</strong> {formatDayTime(o.start, viewerZone)} – {formatDayTime(o.end, viewerZone)}
              </span>
              {mayRemove(o) ? (
                <button type="button" className="secondary" onClick={() => remove(o)} aria-label={`Remove override of ${o.user.name ?? 'a deleted user'} from ${formatDayTime(o.start, viewerZone)}`}>
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <FormError error={removeError} />
      {choices.length > 0 ? (
        <form className="override-form" onSubmit={add} aria-labelledby="add-override-heading">
          <h3 id="add-override-heading">Add an override</h3>
          <div className="field-row">
            <Field label="Who is on call" path="userId" error={error}>
              {(props) => (
                <select {...props} value={userId} onChange={(e) => setUserId(e.target.value)} required>
                  {lead ? <option value="">Choose a person…</option> : null}
                  {choices.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={`From (your zone, ${viewerZone})`} path="start" error={error}>
              {(props) => <input {...props} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />}
            </Field>
            <Field label={`Until (your zone, ${viewerZone})`} path="end" error={error}>
              {(props) => <input {...props} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />}
            </Field>
          </div>
          <FormError error={error} shownPaths={['userId', 'start', 'end']} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add override'}
          </button>
        </form>
      ) : null}
    </section>
  );
}
