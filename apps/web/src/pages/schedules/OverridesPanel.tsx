import type { OverrideJson, ScheduleJson } from '@heinrich/contracts/schedules';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, asApiError, type ApiError } from '../../api/client';
import { canEditTeam, canRespond, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import type { Person } from './LayerEditor';
import { formatDayTime, isoToLocalInput, localInputToIso } from '../../lib/time';

const HOUR = 3_600_000;

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
  onChanged,
}: {
  schedule: ScheduleJson;
  people: Person[];
  viewerZone: string;
  onChanged: () => void;
}) {
  const me = useMe();
  const lead = canEditTeam(me, schedule.teamId);
  const responder = !lead && canRespond(me, schedule.teamId) && me.user !== null;
  const choices = lead ? people : responder && me.user ? [{ id: me.user.id, name: me.user.name }] : [];
  const [items, setItems] = useState<OverrideJson[] | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const nextHour = Math.ceil(Date.now() / HOUR) * HOUR;
  const [userId, setUserId] = useState(responder && me.user ? me.user.id : '');
  const [start, setStart] = useState(isoToLocalInput(nextHour, viewerZone));
  const [end, setEnd] = useState(isoToLocalInput(nextHour + 4 * HOUR, viewerZone));

  const load = useCallback(async () => {
    try {
      const page = await api.get<{ items: OverrideJson[] }>(`/schedules/${schedule.id}/overrides?limit=200`);
      setItems(page.items);
      setListError(null);
    } catch (err) {
      setListError(asApiError(err));
    }
  }, [schedule.id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/schedules/${schedule.id}/overrides`, { userId, start: localInputToIso(start, viewerZone) ?? start, end: localInputToIso(end, viewerZone) ?? end });
      await load();
      onChanged();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(o: OverrideJson) {
    setRemoveError(null);
    try {
      await api.del(`/schedules/${schedule.id}/overrides/${o.id}`);
      await load();
      onChanged();
    } catch (err) {
      setRemoveError(asApiError(err));
    }
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
                <button type="button" className="secondary" onClick={() => void remove(o)} aria-label={`Remove override of ${o.user.name ?? 'a deleted user'} from ${formatDayTime(o.start, viewerZone)}`}>
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <FormError error={removeError} />
      {choices.length > 0 ? (
        <form className="override-form" onSubmit={(e) => void add(e)} aria-labelledby="add-override-heading">
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
