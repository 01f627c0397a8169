import type { RoutingIntegrationJson } from '@heinrich/contracts/routing-integrations';
import { useCallback, useState, type FormEvent } from 'react';
import {
  useCreateRoutingIntegration,
  usePreviewRouting,
  useReplaceRoutingIntegration,
  useRoutingAlertRules,
  useRoutingIntegrations,
  useSaveRoutingAlertRules,
  useUnroutedAlerts,
} from '../../api/routing-integrations';
import { useServices } from '../../api/services';
import { canEditTeam, isAdmin, useMe } from '../../auth/useMe';
import { CopyButton } from '../../components/CopyButton';
import { Field, FormError } from '../../components/Form';
import { plainMessage } from '../../components/plain-message';
import { formatTimestamp } from '../../lib/time';
import { bodyOf, draftOf } from '../services/alert-rule-draft';
import { AlertRulesEditor } from '../services/AlertRules';
import { draftsOf, moveRoute, routesBody, type RouteDraft } from './route-draft';
import { RoutingPreview } from './RoutingPreview';

/** Routing integrations (docs/routing.md): one key for many services, ordered routes, a catch-all. */
export function RoutingPage() {
  const me = useMe();
  const list = useRoutingIntegrations();
  const create = useCreateRoutingIntegration();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name, routes: [], catchAllServiceId: null }, { onSuccess: (r) => { setCreated({ name: r.name, key: r.key }); setName(''); } });
  }

  return (
    <section>
      <div className="page-head">
        <h1>Routing</h1>
      </div>
      <p className="muted">One Alertmanager receiver for every team: a routing key sends each alert to the service its first matching route names; what no route takes goes to the catch-all, or is dropped and listed.</p>
      {created ? (
        <section className="card" role="status" aria-labelledby="key-h">
          <h2 id="key-h">Key of {created.name}</h2>
          <p>Shown this once: give it to Alertmanager as the webhook receiver’s bearer token, or send it as the routing key of events.</p>
          <code data-testid="routing-key">{created.key}</code> <CopyButton text={created.key} />
        </section>
      ) : null}
      {isAdmin(me) ? (
        <form className="card" onSubmit={submit} noValidate aria-label="New routing integration">
          <Field label="New routing integration" path="name" error={create.error}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} placeholder="prod Alertmanager" />}
          </Field>
          <FormError error={create.error} shownPaths={['name']} />
          <button type="submit" className="primary" disabled={create.isPending}>
            Create
          </button>
        </form>
      ) : null}
      <FormError error={list.error} />
      {list.data && list.data.length === 0 ? <p className="card">No routing integrations.</p> : null}
      {(list.data ?? []).map((i) => (
        <IntegrationEditor key={i.id} integration={i} canEdit={canEditTeam(me, i.teamId) && (i.teamId !== null || isAdmin(me))} />
      ))}
    </section>
  );
}

function IntegrationEditor({ integration, canEdit }: { integration: RoutingIntegrationJson; canEdit: boolean }) {
  const services = useServices();
  const replace = useReplaceRoutingIntegration(integration.id);
  const unrouted = useUnroutedAlerts(integration.id);
  const [routes, setRoutes] = useState<RouteDraft[]>(() => draftsOf(integration));
  const [catchAll, setCatchAll] = useState(integration.catchAllServiceId ?? '');
  const storedRules = useRoutingAlertRules(integration.id);
  const saveRules = useSaveRoutingAlertRules(integration.id);
  const preview = usePreviewRouting();
  // the rules as edited in the form (request bodies, unsaved); null: not yet heard, the stored ones
  const [editedRules, setEditedRules] = useState<Record<string, unknown>[] | null>(null);
  const onRulesChange = useCallback((rules: Record<string, unknown>[]) => setEditedRules(rules), []);
  // a bad matcher is refused alike by saving and by the preview: shown under its route either way
  const error = preview.error ?? replace.error;
  const set = (i: number, patch: Partial<RouteDraft>) => setRoutes((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const serviceName = (id: string | null) => (services.data ?? []).find((s) => s.id === id)?.name ?? id ?? '';

  function save(e: FormEvent) {
    e.preventDefault();
    replace.mutate(
      { name: integration.name, teamId: integration.teamId, routes: routesBody(routes), catchAllServiceId: catchAll || null },
      // what the API stored (the same order), so the editor shows the saved version
      { onSuccess: (saved) => { setRoutes(draftsOf(saved)); setCatchAll(saved.catchAllServiceId ?? ''); } },
    );
  }

  function previewBody(): Record<string, unknown> {
    const rules = editedRules ?? (storedRules.data?.rules ?? []).map((r) => bodyOf(draftOf(r)));
    return { name: integration.name, routes: routesBody(routes), catchAllServiceId: catchAll || null, alertRules: rules };
  }

  const routeErrors = (i: number) => (error?.fields ?? []).filter((f) => f.path.startsWith(`routes.${i}.`));
  return (
    <section className="card" aria-label={`Routing integration ${integration.name}`}>
      <h2>{integration.name}</h2>
      <p className="muted">
        Key <code>{integration.secretPrefix}…</code>
        {integration.lastUsedAt ? ` · last used ${formatTimestamp(integration.lastUsedAt)}` : ' · never used'}
      </p>
      <form onSubmit={save} noValidate>
        <ol className="routes">
          {routes.map((r, i) => (
            <li key={i} aria-label={`Route ${i + 1}`}>
              <label htmlFor={`${integration.id}-m-${i}`}>Matchers (one a line, all must match)</label>
              <textarea id={`${integration.id}-m-${i}`} rows={2} disabled={!canEdit} value={r.matchers} onChange={(e) => set(i, { matchers: e.target.value })} placeholder={'team="db"'} />
              <label>
                <input type="radio" disabled={!canEdit} checked={r.kind === 'service'} onChange={() => set(i, { kind: 'service' })} /> to service{' '}
              </label>
              <select aria-label={`Route ${i + 1} service`} disabled={!canEdit || r.kind !== 'service'} value={r.serviceId} onChange={(e) => set(i, { serviceId: e.target.value })}>
                <option value="">–</option>
                {(services.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>{' '}
              <label>
                <input type="radio" disabled={!canEdit} checked={r.kind === 'label'} onChange={() => set(i, { kind: 'label' })} /> to the service whose routing name is label
              </label>{' '}
              <input aria-label={`Route ${i + 1} label`} disabled={!canEdit || r.kind !== 'label'} value={r.label} onChange={(e) => set(i, { label: e.target.value })} placeholder="team" />
              {canEdit ? (
                <span>
                  {' '}
                  <button type="button" aria-label={`Move route ${i + 1} up`} disabled={i === 0} onClick={() => setRoutes((rs) => moveRoute(rs, i, -1))}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move route ${i + 1} down`} disabled={i === routes.length - 1} onClick={() => setRoutes((rs) => moveRoute(rs, i, 1))}>
                    ↓
                  </button>
                  <button type="button" className="link-button" onClick={() => setRoutes((rs) => rs.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </span>
              ) : null}
              {routeErrors(i).length > 0 ? (
                <ul className="field-error" role="alert">
                  {routeErrors(i).map((f) => (
                    <li key={f.path}>
                      {plainMessage(f.path, f.message)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        {canEdit ? (
          <button type="button" onClick={() => setRoutes((rs) => [...rs, { matchers: '', kind: 'service', serviceId: '', label: '' }])}>
            Add route
          </button>
        ) : null}
        <Field label="Catch-all (what no route takes)" path="catchAllServiceId" id={`${integration.id}-catch`} error={error}>
          {(p) => (
            <select {...p} disabled={!canEdit} value={catchAll} onChange={(e) => setCatchAll(e.target.value)}>
              <option value="">Drop and record</option>
              {(services.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormError error={error} shownPaths={['catchAllServiceId', 'routes']} />
        {replace.isSuccess && !replace.isPending ? <p role="status">Saved.</p> : null}
        {canEdit ? (
          <button type="submit" className="primary" disabled={replace.isPending}>
            Save routes
          </button>
        ) : null}
      </form>
      <section aria-label="Alert rules of this integration">
        <h3>Alert rules of this integration</h3>
        <p className="hint">
          The same rules as a service&apos;s, run on each alert before the routes: labels they set are what the routes match; one that routes to a service takes the alert past the routes.
        </p>
        {storedRules.data ? (
          <AlertRulesEditor
            mayEdit={canEdit}
            stored={storedRules.data.rules}
            save={saveRules}
            services={services.data ?? []}
            onChange={onRulesChange}
            problems={[{ error: preview.error, prefix: 'alertRules' }]}
          />
        ) : storedRules.error ? (
          <FormError error={storedRules.error} />
        ) : (
          <p>Loading…</p>
        )}
      </section>
      <RoutingPreview integrationId={integration.id} preview={preview} draft={previewBody} serviceName={serviceName} />
      <h3>Unrouted (catch-all and dropped)</h3>
      {unrouted.data && unrouted.data.length === 0 ? <p className="muted">Nothing.</p> : null}
      <ul>
        {(unrouted.data ?? []).map((u) => (
          <li key={u.id}>
            {formatTimestamp(u.receivedAt)} · {u.outcome === 'dropped' ? 'dropped' : `to ${serviceName(u.serviceId)}`} · {u.reason} · <code>{Object.entries(u.labels).map(([k, v]) => `${k}=${v}`).join(' ')}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
