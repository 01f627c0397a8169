import type { ExplainJson } from '../../api/incidents';
import { formatInstantsIn } from '../../lib/instant-text';
import { formatTimestamp } from '../../lib/time';
import { describeExplanation, describeFact } from './describe-explain';

/**
 * GET /incidents/{id}/explain, person by person: paged? reached? why, and the
 * facts behind it, written here from explain's typed data (describe-explain.ts)
 * in the viewer's zone ("due at 02:08 (in 4 min)").
 */
export function PagingExplanation({ explain, userNames = new Map() }: { explain: ExplainJson | null; userNames?: Map<string, string> }) {
  if (!explain) return <p className="muted">Loading…</p>;
  const now = new Date();
  const names = new Map([...userNames, ...explain.people.map((p): [string, string] => [p.userId, p.name])]);
  const ctx = { userNames: names, now };
  // what alert rules did (docs/alert-rules.md): "urgency lowered to low by rule … on …"
  const rules = (explain.alertRules ?? []).length > 0 ? (
    <ul className="alert-rule-effects">
      {(explain.alertRules ?? []).map((line) => (
        <li key={line}>{formatInstantsIn(line)}</li>
      ))}
    </ul>
  ) : null;
  if (explain.people.length === 0) {
    return (
      <>
        {rules}
        <p className="muted">Nobody has been paged for this incident (yet).</p>
      </>
    );
  }
  return (
    <>
    {rules}
    <ul className="plain people">
      {explain.people.map((p) => (
        <li key={p.userId} className="person">
          <h3>
            {p.name}{' '}
            <span className={`badge ${p.reached ? 'ok' : p.paged ? 'warn' : ''}`}>
              {p.reached ? 'reached' : p.paged ? 'paged, not reached yet' : 'not paged'}
            </span>
          </h3>
          <p>{describeExplanation(p, ctx)}</p>
          {p.facts.length > 0 ? (
            <details>
              <summary>How we know ({p.facts.length})</summary>
              <ol className="facts">
                {p.facts.map((f, i) => (
                  <li key={i}>
                    <time dateTime={f.at}>{formatTimestamp(f.at)}</time>: {describeFact(f, ctx)}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
    </>
  );
}
