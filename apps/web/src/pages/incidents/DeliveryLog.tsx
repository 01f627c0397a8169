import type { NotificationJson } from '@heinrich/contracts/contact-methods';
import { formatTimestamp } from '../../lib/time';

/** GET /notifications?incidentId=: each page of a person and its deliveries (the method, masked; status, attempts, error). */
export function DeliveryLog({ notifications, userNames }: { notifications: NotificationJson[] | null; userNames: Map<string, string> }) {
  if (!notifications) return <p className="muted">Loading…</p>;
  if (notifications.length === 0) return <p className="muted">No notifications were sent for this incident.</p>;
  return (
    <ul className="plain deliveries">
      {notifications.map((n) => (
        <li key={n.id} className="notification">
          <h3>
            {userNames.get(n.userId) ?? 'A user'} · step {n.step + 1}
            {n.cycle > 0 ? `, pass ${n.cycle + 1}` : ''} <span className="badge">{n.status}</span>
          </h3>
          <p className="hint">
            <time dateTime={n.createdAt}>{formatTimestamp(n.createdAt)}</time>
          </p>
          {n.deliveries.length > 0 ? (
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Status</th>
                  <th scope="col">Due</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {n.deliveries.map((d) => (
                  <tr key={d.id}>
                    {/* masked ("webhook to hooks.example.com"); the full value only for who may see it */}
                    <td data-label="Method" title={d.value ?? undefined}>
                      {d.target}
                    </td>
                    <td data-label="Status">{d.status}</td>
                    <td data-label="Due">
                      <time dateTime={d.dueAt}>{formatTimestamp(d.dueAt)}</time>
                    </td>
                    <td data-label="Attempts">{d.attempts}</td>
                    <td data-label="Last error">{d.error ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No deliveries planned yet.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
