import type { TimelineEventJson } from '@heinrich/contracts/incidents';
import { formatTimestamp } from '../../lib/time';
import { actorName } from './actor-name';

/** The incident's events, oldest first: what happened, who did it, from where, when. */
export function Timeline({ events, userNames }: { events: TimelineEventJson[]; userNames: Map<string, string> }) {
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline events">
      {events.map((e) => (
        <li key={e.id} className={`event event-${e.type}`}>
          <time dateTime={e.createdAt}>{formatTimestamp(e.createdAt)}</time>
          <span className="event-message">{e.message}</span>
          <span className="hint">
            {' '}
            ({[e.actor ? actorName(e.actor, userNames) : null, e.via ? `via ${e.via}` : null].filter(Boolean).join(', ') || e.type})
          </span>
        </li>
      ))}
    </ol>
  );
}
