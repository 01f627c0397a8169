import { severityClass } from './list/list-model';

/**
 * An incident's severity in colour and in words: critical solid red, error red
 * outline, warning amber, info blue, anything else grey; "no severity" when none.
 */
export function SeverityBadge({ severity }: { severity: string | null }) {
  return <span className={`sev sev-${severityClass(severity)}`}>{severity ?? 'no severity'}</span>;
}

/** High or low urgency, in words and colour (high: a ▲ in red; low: a ▽ in grey). */
export function UrgencyBadge({ urgency }: { urgency: 'high' | 'low' }) {
  return (
    <span className={`urg urg-${urgency}`} title={urgency === 'high' ? 'High urgency: pages at once' : 'Low urgency'}>
      <span aria-hidden="true">{urgency === 'high' ? '▲' : '▽'}</span> {urgency}
    </span>
  );
}
