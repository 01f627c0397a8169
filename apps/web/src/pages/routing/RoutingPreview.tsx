import { useState } from 'react';
import type { RoutingPreviewItem, usePreviewRouting } from '../../api/routing-integrations';
import { FormError } from '../../components/Form';

/**
 * "Test these routes and rules" (docs/routing.md "Web UI"): the routes and the
 * integration's alert rules as they are in the editor, unsaved, against a
 * pasted Alertmanager notification or the last 100 alerts received: per alert
 * the route and service, what the rules do, whom it would page. Saves nothing;
 * a bad matcher is shown under its route (the same 400 as saving).
 */
export function RoutingPreview({
  integrationId,
  preview,
  draft,
  serviceName,
}: {
  integrationId: string;
  preview: ReturnType<typeof usePreviewRouting>;
  /** the editor's routes, catch-all and rules as a preview body; a string: why it cannot be sent */
  draft: () => Record<string, unknown> | string;
  serviceName: (id: string | null) => string;
}) {
  const [payload, setPayload] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function run(withPayload: boolean) {
    const body = draft();
    if (typeof body === 'string') return setProblem(body);
    let parsed: unknown;
    if (withPayload) {
      try {
        parsed = JSON.parse(payload);
      } catch (err) {
        return setProblem(`The payload is not JSON: ${(err as Error).message}`);
      }
    }
    setProblem(null);
    preview.mutate(withPayload ? { ...body, payload: parsed } : body);
  }

  const payloadId = `${integrationId}-payload`;
  return (
    <section className="routing-preview" aria-label="Test these routes and rules">
      <h3>Test these routes and rules</h3>
      <p className="muted">The routes and rules as edited above, not saved. Nothing is stored or paged.</p>
      <label htmlFor={payloadId}>Alertmanager payload (JSON)</label>
      <textarea id={payloadId} rows={5} value={payload} onChange={(e) => setPayload(e.target.value)} placeholder='{"version":"4","status":"firing","alerts":[…]}' />
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" disabled={preview.isPending || payload.trim() === ''} onClick={() => run(true)}>
          Test with this payload
        </button>{' '}
        <button type="button" disabled={preview.isPending} onClick={() => run(false)}>
          Test with the last 100 alerts
        </button>
      </div>
      <FormError error={preview.error} shownPaths={['routes', 'alertRules']} />
      {preview.data ? <PreviewResult items={preview.data} serviceName={serviceName} /> : null}
    </section>
  );
}

function PreviewResult({ items, serviceName }: { items: RoutingPreviewItem[]; serviceName: (id: string | null) => string }) {
  if (items.length === 0) return <p role="status">No alerts to test.</p>;
  const counts = { routed: 0, catch_all: 0, dropped: 0 };
  for (const i of items) counts[i.outcome]++;
  return (
    <>
      <p role="status">
        {items.length} alert{items.length === 1 ? '' : 's'}: {counts.routed} routed, {counts.catch_all} to the catch-all, {counts.dropped} dropped.
      </p>
      <ol className="preview-items">
        {items.map((i, n) => (
          <li key={`${i.fingerprint}-${n}`} aria-label={`Alert ${i.labels.alertname ?? i.fingerprint}`}>
            <code className="labels">{Object.entries(i.labels).map(([k, v]) => `${k}=${v}`).join(' ')}</code>
            <div>
              {i.outcome === 'dropped'
                ? 'Dropped and recorded'
                : i.outcome === 'catch_all'
                  ? `Catch-all → ${serviceName(i.serviceId)}`
                  : `${i.routeIndex === null ? 'By a rule' : `Route ${i.routeIndex + 1}`} → ${serviceName(i.serviceId)}`}
              {i.reason ? ` (${i.reason})` : ''}
            </div>
            {i.alertRules.length > 0 ? (
              <ul className="rule-lines">
                {i.alertRules.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
            <div>
              {i.outcome === 'dropped'
                ? 'Pages no one.'
                : i.suppressed
                  ? 'Suppressed: stored, pages no one.'
                  : i.wouldPage.length > 0
                    ? `Would page ${i.wouldPage.map((p) => p.name).join(', ')}${i.urgency === 'low' ? ' (low urgency: no phone call)' : ''}.`
                    : 'Would page no one (no escalation policy, or no one on call).'}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
