import type { TimelineEventJson } from '@heinrich/contracts/incidents';
import { useState } from 'react';
import { formatTimestamp } from '../../lib/time';
import { describeEvent } from './describe-event';

/**
 * The incident's events, oldest first: what happened, who did it, from where,
 * when, written from each event's data in the viewer's zone (describe-event.ts).
 * Heinrich's internal hand-offs (the worker picking up an event) are folded
 * behind "Show details".
 */
export function Timeline({ events, userNames }: { events: TimelineEventJson[]; userNames: Map<string, string> }) {
  const [details, setDetails] = useState(false);
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  const now = new Date();
  const described = events.map((e) => ({ e, d: describeEvent(e, { userNames, now }) }));
  const hidden = described.filter((x) => x.d.internal).length;
  const shown = details ? described : described.filter((x) => !x.d.internal);
  return (
    <>
      <ol className="timeline" aria-label="Timeline events">
        {shown.map(({ e, d }) => (
          <li key={e.id} className={`event event-${e.type}${d.internal ? ' internal' : ''}`}>
            <time dateTime={e.createdAt}>{formatTimestamp(e.createdAt)}</time>
            {d.userText ? (
              <span className="event-message" data-user-text="">
                {d.text}
              </span>
            ) : (
              <span className="event-message">{d.text}</span>
            )}
            {d.by ? <span className="hint"> ({d.by})</span> : null}
          </li>
        ))}
      </ol>
      {hidden > 0 ? (
        <button type="button" aria-expanded={details} onClick={() => setDetails(!details)}>
          {details ? 'Hide details' : `Show details (${hidden} internal ${hidden === 1 ? 'step' : 'steps'})`}
        </button>
      ) : null}
    </>
  );
}
