import type { IncidentDetailJson } from '@heinrich/contracts/incidents';
import { useState } from 'react';

/**
 * Resolve, which asks first while the incident's alerts still fire
 * (`firingAlerts`) and says what then happens (docs/noise.md "Resolving by hand
 * while alerts still fire"): they are marked resolved by hand, and when
 * Alertmanager sends one again as firing a new incident opens and pages.
 */
export function ResolveButton({ incident, busy, resolving, onResolve }: { incident: IncidentDetailJson; busy: boolean; resolving: boolean; onResolve: () => void }) {
  const [asking, setAsking] = useState(false);
  const firing = incident.firingAlerts;
  if (firing === 0 || !asking) {
    return (
      <button type="button" className="big" disabled={busy} onClick={() => (firing > 0 ? setAsking(true) : onResolve())}>
        {resolving ? 'Resolving…' : 'Resolve'}
      </button>
    );
  }
  const them = firing === 1 ? 'it' : 'them';
  return (
    <div role="group" aria-label="Confirm resolving while alerts still fire" className="confirm-resolve">
      <p>
        <strong>{firing === 1 ? '1 alert still fires.' : `${firing} alerts still fire.`}</strong> Resolving marks {them} resolved by hand. When
        Alertmanager sends {them} again as firing (at its next repeat interval, 4 h by default, or sooner when the group changes), a new
        incident opens and pages the on-call. If the problem is not fixed at the source, {incident.canSilence ? 'silence the alerts or ' : ''}keep
        the incident open instead.
      </p>
      <button type="button" className="danger" disabled={busy} onClick={onResolve}>
        {resolving ? 'Resolving…' : 'Yes, resolve'}
      </button>
      <button type="button" disabled={busy} onClick={() => setAsking(false)}>
        Keep it open
      </button>
    </div>
  );
}
