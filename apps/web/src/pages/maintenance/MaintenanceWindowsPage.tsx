import type { MaintenanceWindowJson } from '@heinrich/contracts/maintenance-windows';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateMaintenanceWindow, useMaintenanceWindows } from '../../api/maintenance-windows';
import { useServices } from '../../api/services';
import { isLeadAnywhere, useMe } from '../../auth/useMe';
import { Field, FormError } from '../../components/Form';
import { formatTimestamp, viewerZone } from '../../lib/time';
import { bodyOf, emptyDraft, WEEKDAYS, type MaintenanceDraft } from './maintenance-draft';
import { TimeZonePicker } from '../../components/TimeZonePicker';

/** When a window applies, in words: "16 Mar 10:00 – 12:00" or "Sundays 02:00–04:00 Europe/Berlin". */
export function windowWhen(w: MaintenanceWindowJson): string {
  if (!w.recurrence) return `${formatTimestamp(w.start)} – ${w.end ? formatTimestamp(w.end) : '…'}`;
  const r = w.recurrence;
  const days = r.weekdays.map((d) => d.slice(0, 1).toUpperCase() + d.slice(1, 3)).join(', ');
  const until = r.endTime ?? `+${r.durationMinutes ?? 0} min`;
  return `Every ${days} ${r.startTime}–${until} ${r.timeZone}${w.end ? ` until ${formatTimestamp(w.end)}` : ''}`;
}

/** Maintenance windows: the list (active first) and a create form. */
export function MaintenanceWindowsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const windows = useMaintenanceWindows();
  const services = useServices();
  const create = useCreateMaintenanceWindow();
  const [draft, setDraft] = useState<MaintenanceDraft | null>(null);
  const set = (patch: Partial<MaintenanceDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const items = [...(windows.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active));
  const error = create.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    create.mutate(bodyOf(draft), { onSuccess: (w) => void navigate(`/maintenance/${w.id}`) });
  }

  return (
    <section>
      <div className="page-head">
        <h1>Maintenance windows</h1>
        {isLeadAnywhere(me) && !draft ? (
          <button type="button" className="primary" onClick={() => setDraft(emptyDraft(viewerZone()))}>
            New maintenance window
          </button>
        ) : null}
      </div>
      <p className="muted">Alerts on the services of a window are stored and grouped as usual and page no one while it lasts; what still fires when it ends pages then.</p>
      {draft ? (
        <section className="card" aria-labelledby="new-window-h">
          <h2 id="new-window-h">New maintenance window</h2>
          <form onSubmit={submit} noValidate>
            <Field label="Reason" path="reason" error={error}>
              {(p) => <input {...p} value={draft.reason} onChange={(e) => set({ reason: e.target.value })} placeholder="Upgrade PG" />}
            </Field>
            <Field label="Services" path="serviceIds" error={error} hint="Hold Ctrl or ⌘ to choose several">
              {(p) => (
                <select {...p} multiple value={draft.serviceIds} onChange={(e) => set({ serviceIds: [...e.target.selectedOptions].map((o) => o.value) })}>
                  {(services.data ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset>
              <legend>When</legend>
              <label>
                <input type="radio" name="kind" checked={draft.kind === 'once'} onChange={() => set({ kind: 'once' })} /> Once
              </label>{' '}
              <label>
                <input type="radio" name="kind" checked={draft.kind === 'weekly'} onChange={() => set({ kind: 'weekly' })} /> Every week
              </label>
            </fieldset>
            <Field label="Start" path="start" error={error} hint="Empty: now. May be in the past.">
              {(p) => <input {...p} type="datetime-local" value={draft.start} onChange={(e) => set({ start: e.target.value })} />}
            </Field>
            <Field label={draft.kind === 'once' ? 'End' : 'Recur until (empty: for ever)'} path="end" error={error}>
              {(p) => <input {...p} type="datetime-local" value={draft.end} onChange={(e) => set({ end: e.target.value })} />}
            </Field>
            {draft.kind === 'weekly' ? (
              <>
                <fieldset>
                  <legend>Days</legend>
                  {WEEKDAYS.map((d) => (
                    <label key={d}>
                      <input
                        type="checkbox"
                        checked={draft.weekdays.includes(d)}
                        onChange={(e) => set({ weekdays: e.target.checked ? [...draft.weekdays, d] : draft.weekdays.filter((x) => x !== d) })}
                      />{' '}
                      {d}{' '}
                    </label>
                  ))}
                </fieldset>
                <Field label="From (time of day)" path="recurrence.startTime" error={error}>
                  {(p) => <input {...p} type="time" value={draft.startTime} onChange={(e) => set({ startTime: e.target.value })} />}
                </Field>
                <Field label="To (time of day)" path="recurrence.endTime" error={error}>
                  {(p) => <input {...p} type="time" value={draft.endTime} onChange={(e) => set({ endTime: e.target.value })} />}
                </Field>
                <Field label="Time zone" path="recurrence.timeZone" error={error}>
                  {(p) => <TimeZonePicker {...p} value={draft.timeZone} onChange={(timeZone) => set({ timeZone })} />}
                </Field>
              </>
            ) : null}
            <Field label="Matchers (optional, one a line)" path="matchers" error={error} hint={'Alertmanager syntax, e.g. node="d01" or namespace=~"batch-.*": only alerts matching all of them are held'}>
              {(p) => <textarea {...p} rows={3} value={draft.matchers} onChange={(e) => set({ matchers: e.target.value })} />}
            </Field>
            <label>
              <input type="checkbox" checked={draft.announce} onChange={(e) => set({ announce: e.target.checked })} /> Announce its start and end in Slack (in the
              channels its escalation policies post to)
            </label>
            <FormError error={error} shownPaths={['reason', 'serviceIds', 'start', 'end', 'recurrence.startTime', 'recurrence.endTime', 'recurrence.timeZone']} />
            <button type="submit" className="primary" disabled={create.isPending}>
              Create window
            </button>{' '}
            <button type="button" className="link-button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </form>
        </section>
      ) : null}
      <FormError error={windows.error} />
      {windows.data && items.length === 0 ? <p className="card">No maintenance windows.</p> : null}
      {items.length > 0 ? (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Services</th>
              <th scope="col">When</th>
              <th scope="col">Held</th>
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link to={`/maintenance/${w.id}`}>{w.reason}</Link> {w.active ? <span className="badge warn">active</span> : null}
                </td>
                <td data-label="Services">{w.services.map((s) => s.name).join(', ')}</td>
                <td data-label="When">{windowWhen(w)}</td>
                <td data-label="Held">{w.heldIncidents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
