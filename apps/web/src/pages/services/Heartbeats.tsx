import type { CreatedHeartbeatJson, HeartbeatJson } from '@heinrich/contracts/heartbeats';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useCreateHeartbeat, useDeleteHeartbeat, useHeartbeats, usePauseHeartbeat, useRotateHeartbeatToken } from '../../api/heartbeats';
import { CopyButton } from '../../components/CopyButton';
import { Field, FormError } from '../../components/Form';
import { formatTimestamp } from '../../lib/time';

const STATUS_CLASS: Record<HeartbeatJson['status'], string> = { new: 'badge', up: 'badge ok', late: 'badge warn', down: 'status status-triggered', paused: 'badge' };

/** "5 min", "1 h 30 min", "1 d": an interval as the list shows it. */
export function formatSeconds(s: number): string {
  if (s % 86_400 === 0) return `${s / 86_400} d`;
  if (s % 3_600 === 0) return `${s / 3_600} h`;
  if (s >= 3_600) return `${Math.floor(s / 3_600)} h ${Math.round((s % 3_600) / 60)} min`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/**
 * A service's heartbeat monitors (docs/heartbeats.md): status, last ping, the
 * masked ping URL; create and rotate show the full URL and a curl line once.
 */
export function Heartbeats({ serviceId, mayEdit }: { serviceId: string; mayEdit: boolean }) {
  const list = useHeartbeats(serviceId);
  const create = useCreateHeartbeat(serviceId);
  const rotate = useRotateHeartbeatToken(serviceId);
  const pause = usePauseHeartbeat(serviceId);
  const remove = useDeleteHeartbeat(serviceId);
  // the token, shown once: the answer of the last create or rotate until the user hides it
  const [shown, setShown] = useState<{ answer: CreatedHeartbeatJson; rotated: boolean } | null>(null);
  const [name, setName] = useState('');
  const [interval, setIntervalText] = useState('300');
  const [grace, setGrace] = useState('0');
  const [lastWrite, setLastWrite] = useState<'create' | 'change'>('create');
  const error = lastWrite === 'create' ? create.error : (rotate.error ?? pause.error ?? remove.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setLastWrite('create');
    create.mutate(
      { name, intervalSeconds: Number(interval), graceSeconds: Number(grace) },
      {
        onSuccess: (answer) => {
          setShown({ answer, rotated: false });
          setName('');
        },
      },
    );
  }

  function rotateToken(h: HeartbeatJson) {
    if (!window.confirm(`Rotate the ping URL of "${h.name}"? The old URL answers 404 from now on.`)) return;
    setLastWrite('change');
    rotate.mutate(h.id, { onSuccess: (answer) => setShown({ answer, rotated: true }) });
  }

  function del(h: HeartbeatJson) {
    if (!window.confirm(`Delete heartbeat "${h.name}"? Its URL answers 404 from now on.`)) return;
    setLastWrite('change');
    remove.mutate(h.id);
  }

  const items = list.data?.items ?? [];
  return (
    <>
      <p className="hint">
        A dead-man's switch: a cron job, a CI pipeline or an Alertmanager Watchdog calls the URL every interval; when no call comes
        within interval + grace, an incident opens on this service and pages like any.
      </p>
      <FormError error={list.error} />
      {shown ? (
        <div className="card secret-card" role="status" aria-label="New ping URL">
          <h3>
            {shown.rotated ? 'New ping URL' : 'Heartbeat'} for “{shown.answer.name}”: copy it now
          </h3>
          <p>Heinrich keeps only a hash of the token; the URL is not shown again.{shown.rotated ? ' The old URL no longer works.' : ''}</p>
          <div className="secret">
            <code aria-label="Ping URL">{shown.answer.pingUrl}</code>
            <CopyButton text={shown.answer.pingUrl} label="Copy URL" />
          </div>
          <h4>Ping with curl (e.g. at the end of the cron job)</h4>
          <pre aria-label="curl line">{shown.answer.example}</pre>
          <CopyButton text={shown.answer.example} label="Copy curl line" />
          <p>
            <button type="button" className="link-button" onClick={() => setShown(null)}>
              I have copied it, hide the URL
            </button>
          </p>
        </div>
      ) : null}
      {mayEdit ? <FormError error={lastWrite === 'change' ? error : null} /> : null}
      {items.length === 0 && list.data ? <p className="muted">No heartbeats on this service.</p> : null}
      {items.length > 0 ? (
        <table className="stack" aria-label="Heartbeats">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Every</th>
              <th scope="col">Last ping</th>
              <th scope="col">Ping URL</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((h) => (
              <tr key={h.id} data-heartbeat={h.name}>
                <td>{h.name}</td>
                <td data-label="Status">
                  <span className={STATUS_CLASS[h.status]}>{h.status}</span>
                  {h.status === 'down' && h.incidentId ? (
                    <>
                      {' '}
                      <Link to={`/incidents/${h.incidentId}`}>incident</Link>
                    </>
                  ) : null}
                </td>
                <td data-label="Every">
                  {formatSeconds(h.intervalSeconds)}
                  {h.graceSeconds > 0 ? ` + ${formatSeconds(h.graceSeconds)} grace` : ''}
                </td>
                <td data-label="Last ping">{h.lastPingAt ? formatTimestamp(h.lastPingAt) : 'never'}</td>
                <td data-label="Ping URL">
                  <code>{h.maskedPingUrl}</code>
                </td>
                <td>
                  {mayEdit ? (
                    <span className="actions">
                      <button type="button" className="small" onClick={() => rotateToken(h)} aria-label={`Rotate the URL of ${h.name}`}>
                        Rotate URL
                      </button>{' '}
                      <button
                        type="button"
                        className="small"
                        onClick={() => {
                          setLastWrite('change');
                          pause.mutate({ id: h.id, paused: h.status !== 'paused' });
                        }}
                        aria-label={`${h.status === 'paused' ? 'Resume' : 'Pause'} ${h.name}`}
                      >
                        {h.status === 'paused' ? 'Resume' : 'Pause'}
                      </button>{' '}
                      <button type="button" className="small danger" onClick={() => del(h)} aria-label={`Delete heartbeat ${h.name}`}>
                        Delete
                      </button>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {mayEdit ? (
        <form onSubmit={submit} className="card" style={{ marginTop: '1rem' }} noValidate aria-label="New heartbeat">
          <h3>New heartbeat</h3>
          <FormError error={lastWrite === 'create' ? error : null} shownPaths={['name', 'intervalSeconds', 'graceSeconds']} />
          <Field label="Heartbeat name" path="name" id="heartbeat-name" error={lastWrite === 'create' ? error : null} hint="e.g. nightly-backup or prod-prometheus">
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Interval (seconds)" path="intervalSeconds" id="heartbeat-interval" error={lastWrite === 'create' ? error : null} hint="How often it pings; at least 60.">
            {(p) => <input {...p} type="number" min={60} value={interval} onChange={(e) => setIntervalText(e.target.value)} />}
          </Field>
          <Field label="Grace (seconds)" path="graceSeconds" id="heartbeat-grace" error={lastWrite === 'create' ? error : null} hint="How much later a ping may come before it counts as missed.">
            {(p) => <input {...p} type="number" min={0} value={grace} onChange={(e) => setGrace(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create heartbeat'}
          </button>
        </form>
      ) : null}
    </>
  );
}
