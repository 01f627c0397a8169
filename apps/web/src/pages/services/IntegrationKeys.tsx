import type { IntegrationKeyJson } from '@heinrich/contracts/integration-keys';
import { useState, type FormEvent } from 'react';
import { useHeartbeats } from '../../api/heartbeats';
import { useCreateIntegrationKey, useIntegrationKeys, useRevokeIntegrationKey } from '../../api/integration-keys';
import { CopyButton } from '../../components/CopyButton';
import { Field, FormError } from '../../components/Form';
import { formatTimestamp } from '../../lib/time';

/** The receiver for alertmanager.yml, as the API's `example` (docs/api.md), with a placeholder for the secret. */
export function receiverSnippet(origin: string, secret = '<the integration key>'): string {
  return [
    'receivers:',
    '  - name: heinrich',
    '    webhook_configs:',
    `      - url: ${origin}/api/v1/integrations/alertmanager`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    `            credentials: ${secret}`,
    '',
  ].join('\n');
}

/** A service's integration keys: list, create (the secret shown once, with copy buttons), revoke. */
export function IntegrationKeys({ serviceId, mayEdit }: { serviceId: string; mayEdit: boolean }) {
  const keys = useIntegrationKeys(serviceId);
  const createKey = useCreateIntegrationKey(serviceId);
  const revokeKey = useRevokeIntegrationKey(serviceId);
  const [lastWrite, setLastWrite] = useState<'create' | 'revoke'>('create');
  const error = lastWrite === 'create' ? createKey.error : revokeKey.error;
  const busy = createKey.isPending;
  // the secret, shown once: the answer of the last create until the user hides it
  const [hidden, setHidden] = useState(false);
  const created = hidden ? null : (createKey.data ?? null);
  const [type, setType] = useState<'alertmanager' | 'events'>('alertmanager');
  const [name, setName] = useState('');
  const [amUrl, setAmUrl] = useState('');
  // an alertmanager key may name a heartbeat its Watchdog pings (docs/heartbeats.md)
  const heartbeats = useHeartbeats(serviceId);
  const [heartbeatId, setHeartbeatId] = useState('');
  const heartbeatName = (id: string) => heartbeats.data?.items.find((h) => h.id === id)?.name ?? id;

  function create(e: FormEvent) {
    e.preventDefault();
    setLastWrite('create');
    const body: Parameters<typeof createKey.mutate>[0] = { type };
    if (name.trim()) body.name = name;
    if (type === 'alertmanager' && amUrl.trim()) body.alertmanager = { url: amUrl.trim() };
    if (type === 'alertmanager' && heartbeatId) body.heartbeat = { id: heartbeatId };
    createKey.mutate(body, {
      onSuccess: () => {
        setHidden(false);
        setName('');
        setAmUrl('');
        setHeartbeatId('');
      },
    });
  }

  function revoke(k: IntegrationKeyJson) {
    if (!window.confirm(`Revoke key "${k.name}" (${k.secretPrefix}…)? Senders using it get 401 from the next request on.`)) return;
    setLastWrite('revoke');
    revokeKey.mutate(k.id);
  }

  const live = (keys.data?.items ?? []).filter((k) => !k.revokedAt);
  const revoked = (keys.data?.items ?? []).filter((k) => k.revokedAt);
  return (
    <>
      <FormError error={keys.error} />
      {created ? (
        <div className="card secret-card" role="status">
          <h3>Key “{created.name}” created: copy it now</h3>
          <p>Heinrich keeps only a hash of it; it is not shown again.</p>
          <div className="secret">
            <code aria-label="Integration key secret">{created.key}</code>
            <CopyButton text={created.key} label="Copy key" />
          </div>
          <p>
            Senders post to <code>{created.url}</code>.
          </p>
          {created.heartbeat ? (
            <p>
              Its <code>{created.heartbeat.alertname}</code> alerts ping heartbeat “{heartbeatName(created.heartbeat.id)}” and open no incidents.
            </p>
          ) : null}
          {created.warnings.map((w) => (
            <p key={w.path + w.message} className="form-error" role="alert">
              Warning: {w.message}
            </p>
          ))}
          <h4>{created.type === 'alertmanager' ? 'Receiver for alertmanager.yml' : 'Example trigger'}</h4>
          <pre aria-label="Configuration example">{created.example}</pre>
          <CopyButton text={created.example} label="Copy example" />
          <p>
            <button type="button" className="link-button" onClick={() => setHidden(true)}>
              I have copied it, hide the key
            </button>
          </p>
        </div>
      ) : null}
      {live.length === 0 ? <p className="muted">No active integration keys: nothing can send alerts to this service yet.</p> : null}
      {live.length > 0 ? (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Key starts with</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td data-label="Type">
                  {k.type}
                  {k.heartbeat ? ` (Watchdog → heartbeat ${heartbeatName(k.heartbeat.id)})` : ''}
                </td>
                <td data-label="Key starts with">
                  <code>{k.secretPrefix}…</code>
                </td>
                <td data-label="Last used">{k.lastUsedAt ? formatTimestamp(k.lastUsedAt) : 'never'}</td>
                <td>
                  {mayEdit ? (
                    <button type="button" className="small danger" onClick={() => revoke(k)} aria-label={`Revoke key ${k.name}`}>
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {revoked.length > 0 ? <p className="hint">{revoked.length} revoked key(s) not shown.</p> : null}

      <h3>Alertmanager receiver</h3>
      <p className="hint">
        Paste into <code>alertmanager.yml</code> and put an <em>alertmanager</em> key of this service in place of the
        placeholder (or copy the snippet shown when you create a key: it has the key filled in).
      </p>
      <pre aria-label="Alertmanager receiver snippet">{receiverSnippet(window.location.origin)}</pre>
      <CopyButton text={receiverSnippet(window.location.origin)} label="Copy receiver snippet" />

      {mayEdit ? (
        <form onSubmit={create} className="card" style={{ marginTop: '1rem' }} noValidate>
          <h3>New integration key</h3>
          <FormError error={error} shownPaths={['type', 'name', 'alertmanager', 'heartbeat']} />
          <Field label="Type" path="type" error={error}>
            {(p) => (
              <select {...p} value={type} onChange={(e) => setType(e.target.value as 'alertmanager' | 'events')}>
                <option value="alertmanager">Alertmanager webhook</option>
                <option value="events">Events API (PagerDuty Events v2 shape)</option>
              </select>
            )}
          </Field>
          <Field label="Key name" path="name" error={error} hint="Optional, e.g. prod-alertmanager">
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          {type === 'alertmanager' ? (
            <Field
              label="Your Alertmanager's URL (for silences)"
              path="alertmanager.url"
              error={error}
              hint="Optional, e.g. http://alertmanager.monitoring:9093: lets Heinrich silence alerts from an incident."
            >
              {(p) => <input {...p} type="url" value={amUrl} onChange={(e) => setAmUrl(e.target.value)} />}
            </Field>
          ) : null}
          {type === 'alertmanager' && (heartbeats.data?.items.length ?? 0) > 0 ? (
            <Field
              label="Heartbeat its Watchdog pings"
              path="heartbeat.id"
              error={error}
              hint="Optional: alerts named Watchdog sent with this key ping the heartbeat (resolved: a miss) and open no incidents."
            >
              {(p) => (
                <select {...p} value={heartbeatId} onChange={(e) => setHeartbeatId(e.target.value)}>
                  <option value="">none</option>
                  {heartbeats.data!.items.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </form>
      ) : null}
    </>
  );
}
