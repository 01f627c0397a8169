import type { IncidentJson } from '@heinrich/contracts/incidents';
import { Link } from 'react-router';
import { formatAgo, formatTimestamp } from '../../../lib/time';
import { MaintenanceBadge } from '../../maintenance/MaintenanceBadge';
import { StormBadge } from '../../storms/StormBadge';
import { FlappingBadge } from '../FlappingBadge';
import { IncidentStatusBadge } from '../IncidentStatusBadge';
import { SeverityBadge, UrgencyBadge } from '../SeverityBadge';
import { SuppressedBadge } from '../SuppressedBadge';
import { onItText, severityClass } from './list-model';

/**
 * One compact row of the incident list: severity, #number and title (the row's
 * link to the incident page: the whole row is clickable), status and urgency,
 * who it is on, service, age, alerts. A checkbox selects it for the bulk actions
 * (only for those who may act on it). `data-ids` is what j/k/x/a act on.
 */
export function IncidentRow(props: { incident: IncidentJson; now: Date; selectable: boolean; selected: boolean; onToggle(): void; inStorm?: boolean }) {
  const { incident: i } = props;
  const onIt = onItText(i);
  return (
    <tr
      className={`inc-row sev-row-${severityClass(i.severity)} status-row-${i.status}${props.inStorm ? ' in-storm' : ''}${props.selected ? ' selected' : ''}`}
      data-ids={i.id}
    >
      <td className="sel">
        {props.selectable ? <input type="checkbox" checked={props.selected} onChange={props.onToggle} aria-label={`Select #${i.number}`} /> : null}
      </td>
      <td className="main">
        <SeverityBadge severity={i.severity} />{' '}
        <Link to={`/incidents/${i.number}`} className="incident-title">
          #{i.number} {i.title}
        </Link>
        <StormBadge storm={i.storm} /> <FlappingBadge flapping={i.flapping} /> <MaintenanceBadge maintenance={i.maintenance} /> <SuppressedBadge suppressedBy={i.suppressedBy} />
      </td>
      <td className="st">
        <IncidentStatusBadge status={i.status} /> <UrgencyBadge urgency={i.urgency} />
      </td>
      <td className="onit">{onIt ?? <span className="muted">{i.status === 'resolved' ? '' : 'no one paged'}</span>}</td>
      <td className="svc">{i.serviceName}</td>
      <td className="age">
        <time dateTime={i.createdAt} title={formatTimestamp(i.createdAt)}>
          {formatAgo(i.createdAt, props.now)}
        </time>
      </td>
      <td className="alerts">
        {i.alertCounts.firing}/{i.alertCounts.total} firing
      </td>
    </tr>
  );
}
