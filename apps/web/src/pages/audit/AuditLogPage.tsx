import { useSearchParams } from 'react-router';
import { formatInstantsIn } from '../../lib/instant-text';
import { useAuditLog } from '../../api/audit-log';
import { FormError } from '../../components/Form';
import { formatTimestamp, viewerZone } from '../../lib/time';

const ENTITY_TYPES = [
  'service',
  'integration_key',
  'user',
  'team',
  'api_key',
  'schedule',
  'schedule_override',
  'calendar_feed',
  'escalation_policy',
  'contact_method',
  'notification_rule',
];

/**
 * Every configuration change, newest first, a page at a time (nextCursor).
 * Admins only: anyone else reaching this URL sees the API's 403 reason.
 */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? '';
  // keyed by the filter: another filter's entries never show under this one
  const log = useAuditLog(entityType);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const error = log.error;
  const loading = log.isPending || log.isFetchingNextPage;

  if (error?.status === 403) {
    return (
      <section>
        <h1>Audit log</h1>
        <FormError error={error} />
      </section>
    );
  }
  return (
    <section>
      <h1>Audit log</h1>
      <form className="filters" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="audit-type">What changed</label>
          <select
            id="audit-type"
            value={entityType}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value) next.set('entityType', e.target.value);
              else next.delete('entityType');
              setParams(next, { replace: true });
            }}
          >
            <option value="">Everything</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
      </form>
      <FormError error={error} />
      <p className="hint">Newest first; times in {viewerZone()}.</p>
      <ul className="plain audit">
        {items.map((e) => (
          <li key={e.id} className="card audit-entry">
            <p>
              <strong>{e.action}</strong> by {e.actorDisplay} <span className="muted">({e.credential})</span>
            </p>
            <p className="hint">
              <time dateTime={e.createdAt}>{formatTimestamp(e.createdAt)}</time> · {e.entityType} <code>{e.entityId}</code>
            </p>
            <details>
              <summary>Before and after</summary>
              <div className="grid two">
                <pre aria-label="Before">{formatInstantsIn(JSON.stringify(e.before, null, 2) ?? 'null')}</pre>
                <pre aria-label="After">{formatInstantsIn(JSON.stringify(e.after, null, 2) ?? 'null')}</pre>
              </div>
            </details>
          </li>
        ))}
      </ul>
      {!loading && items.length === 0 ? <p className="muted">No entries.</p> : null}
      {log.hasNextPage ? (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={loading}>
          {loading ? 'Loading…' : 'Older entries'}
        </button>
      ) : null}
      {loading && items.length === 0 ? <p>Loading…</p> : null}
    </section>
  );
}
