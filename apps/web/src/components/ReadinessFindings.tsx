import type { ReadinessFindingJson } from '@heinrich/contracts/readiness';
import { Link } from 'react-router';
import { useReadiness } from '../api/insights';
import { formatInstantsIn, formatWhen } from '../lib/instant-text';
import { FormError } from './Form';
import './readiness.css';

const SEVERITY_LABEL: Record<ReadinessFindingJson['severity'], string> = { critical: 'Critical', warning: 'Warning', info: 'Note' };
const OBJECT_LABEL: Record<ReadinessFindingJson['object']['type'], string> = {
  schedule: 'Schedule',
  escalation_policy: 'Escalation policy',
  service: 'Service',
  user: 'User',
  integration_key: 'Integration key',
  routing_integration: 'Routing integration',
  heartbeat: 'Heartbeat',
};

/** One finding: its severity in words, the object's kind and name, the sentence (instants in the viewer's zone), the first stretch, and where to fix it. */
export function ReadinessFinding({ finding: f, showFix = true }: { finding: ReadinessFindingJson; showFix?: boolean }) {
  const first = f.windows?.[0];
  return (
    <li className={`finding finding-${f.severity}`} data-finding={f.kind}>
      <span className={`badge severity-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>{' '}
      {/* the sentence names the object ("Service Checkout has no escalation policy…") */}
      {formatInstantsIn(f.message)}
      {first ? (
        <span className="muted">
          {' '}
          (first from {formatWhen(first.start)} to {formatWhen(first.end)})
        </span>
      ) : null}
      {showFix ? (
        <>
          {' '}
          <Link to={f.link}>Fix {OBJECT_LABEL[f.object.type].toLowerCase()} {f.object.name}</Link>
        </>
      ) : null}
    </li>
  );
}

/**
 * A small banner on a schedule, policy or service page: the paging-readiness
 * findings about that object (GET /readiness, filtered here), or nothing.
 */
export function ReadinessBanner({ objectId }: { objectId: string }) {
  const readiness = useReadiness();
  const findings = (readiness.data?.findings ?? []).filter((f) => f.object.id === objectId && f.severity !== 'info');
  if (findings.length === 0) return null;
  return (
    <section className="readiness-banner" aria-labelledby={`readiness-${objectId}`}>
      <h2 id={`readiness-${objectId}`}>
        Paging readiness: {findings.length} {findings.length === 1 ? 'hole' : 'holes'} in the next 14 days
      </h2>
      <ul className="plain findings">
        {findings.map((f) => (
          <ReadinessFinding key={f.key} finding={f} showFix={false} />
        ))}
      </ul>
      <p className="hint">
        <Link to="/insights#readiness">All readiness findings</Link>
      </p>
    </section>
  );
}

/** The Readiness section of the Insights page: every finding (of one team when given), most severe first, each with a link to fix it. */
export function ReadinessSection({ teamId }: { teamId?: string | undefined }) {
  const readiness = useReadiness();
  const all = readiness.data?.findings ?? [];
  const findings = teamId ? all.filter((f) => f.teamId === teamId) : all;
  const counts = (['critical', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return (
    <section className="card" id="readiness" aria-labelledby="readiness-h">
      <h2 id="readiness-h">Paging readiness (the next 14 days)</h2>
      <FormError error={readiness.error} />
      {readiness.isPending ? <p>Loading…</p> : null}
      {readiness.data && findings.length === 0 ? <p className="notice">No holes found: every step reaches someone who can be paged.</p> : null}
      {findings.length > 0 ? (
        <>
          <p data-testid="readiness-counts">{counts.map(([s, n]) => `${n} ${SEVERITY_LABEL[s].toLowerCase()}`).join(', ')}</p>
          <ul className="plain findings">
            {findings.map((f) => (
              <ReadinessFinding key={f.key} finding={f} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
