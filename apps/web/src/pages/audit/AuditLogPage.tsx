import type { AuditEntryJson } from '@heinrich/contracts/audit-log';
import { useSearchParams } from 'react-router';
import { useAuditLog } from '../../api/audit-log';
import { FormError } from '../../components/Form';
import { formatTimestamp, viewerZone } from '../../lib/time';
import { actionName, credentialPhrase, ENTITY_TYPE_NAMES } from './audit-actions';
import { auditDiff } from './audit-diff';

/**
 * Every configuration change, newest first, a page at a time (nextCursor):
 * what changed in words, who did it and the changed fields, by name.
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
            {Object.entries(ENTITY_TYPE_NAMES).map(([t, name]) => (
              <option key={t} value={t}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <FormError error={error} />
      <p className="hint">Newest first; times in {viewerZone()}.</p>
      <ul className="plain audit">
        {items.map((e) => (
          <AuditEntry key={e.id} entry={e} />
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

function AuditEntry({ entry: e }: { entry: AuditEntryJson }) {
  const rows = auditDiff(e.before, e.after, e.names);
  const created = e.before === null;
  const deleted = e.after === null;
  const title = actionName(e.action);
  const table = (
    <table className="audit-diff" aria-label={`Changes: ${title}${e.entityName ? ` ${e.entityName}` : ''}`}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          {created ? null : <th scope="col">Before</th>}
          {deleted ? null : <th scope="col">After</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.field}</th>
            {created ? null : <td>{r.before ?? <span className="muted">not set</span>}</td>}
            {deleted ? null : <td>{r.after ?? <span className="muted">removed</span>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <li className="card audit-entry">
      <p>
        <strong>{title}</strong>
        {e.entityName ? (
          <>
            : <span data-user-text>{e.entityName}</span>
          </>
        ) : null}
      </p>
      <p className="hint">
        <time dateTime={e.createdAt}>{formatTimestamp(e.createdAt)}</time> · by <span data-user-text>{e.actorName}</span> {credentialPhrase(e.credential)}
      </p>
      {rows.length === 0 ? null : created || deleted ? (
        <details>
          <summary>{created ? 'Settings it was created with' : 'Settings it had'} ({rows.length})</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </li>
  );
}
