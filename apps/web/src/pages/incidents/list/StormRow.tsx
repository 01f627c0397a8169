import type { IncidentJson } from '@heinrich/contracts/incidents';
import { Link } from 'react-router';
import { formatAgo, formatTimestamp } from '../../../lib/time';
import { SeverityBadge } from '../SeverityBadge';
import { onItText, severityClass, statusCounts, worstSeverity } from './list-model';

/**
 * The row of a storm (docs/noise.md "Storm mode"): its incidents in this list
 * collapsed under it (Show / Hide), the worst severity, their statuses, who the
 * storm page is on; its link opens the storm's page, its checkbox selects all
 * of them.
 */
export function StormRow(props: {
  stormId: string;
  serviceName: string;
  incidents: IncidentJson[];
  page: IncidentJson | null;
  now: Date;
  expanded: boolean;
  onExpand(): void;
  selectable: boolean;
  selected: 'all' | 'some' | 'none';
  onToggle(): void;
}) {
  const { incidents } = props;
  const n = incidents.length;
  const severity = worstSeverity(incidents);
  const earliest = incidents.reduce((a, b) => (a.createdAt < b.createdAt ? a : b));
  const firing = incidents.reduce((sum, i) => sum + i.alertCounts.firing, 0);
  const total = incidents.reduce((sum, i) => sum + i.alertCounts.total, 0);
  const onIt = props.page ? onItText(props.page) : null;
  return (
    <tr className={`inc-row storm-row sev-row-${severityClass(severity)}${props.selected === 'all' ? ' selected' : ''}`} data-ids={incidents.map((i) => i.id).join(',')}>
      <td className="sel">
        {props.selectable ? (
          <input
            type="checkbox"
            checked={props.selected === 'all'}
            ref={(el) => {
              if (el) el.indeterminate = props.selected === 'some';
            }}
            onChange={props.onToggle}
            aria-label={`Select the ${n} incidents of the storm on ${props.serviceName}`}
          />
        ) : null}
      </td>
      <td className="main">
        <SeverityBadge severity={severity} />{' '}
        <Link to={`/storms/${props.stormId}`} className="incident-title">
          Storm on {props.serviceName}: {n} incidents
        </Link>{' '}
        <button type="button" className="small storm-toggle" aria-expanded={props.expanded} onClick={props.onExpand}>
          {props.expanded ? 'Hide' : `Show ${n}`}
          <span className="visually-hidden"> incidents of the storm on {props.serviceName}</span>
        </button>
        {props.page ? (
          <span className="storm-page muted">
            {' '}
            started by #{props.page.number} {props.page.title}
          </span>
        ) : null}
      </td>
      <td className="st">{statusCounts(incidents)}</td>
      <td className="onit">{onIt ?? ''}</td>
      <td className="svc">{props.serviceName}</td>
      <td className="age">
        <time dateTime={earliest.createdAt} title={formatTimestamp(earliest.createdAt)}>
          {formatAgo(earliest.createdAt, props.now)}
        </time>
      </td>
      <td className="alerts">
        {firing}/{total} firing
      </td>
    </tr>
  );
}
