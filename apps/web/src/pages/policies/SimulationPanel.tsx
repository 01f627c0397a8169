import { useState, type FormEvent } from 'react';
import { useSimulation } from '../../api/policies';
import { Field, FormError } from '../../components/Form';
import { formatInstantsIn } from '../../lib/instant-text';
import { formatDayTime, isoToLocalInput, localInputToIso } from '../../lib/time';
import { simulationRows } from './policy-draft';

/**
 * What would happen if an incident opened now (or at a chosen time) with this
 * policy, minute by minute: who is paged, how and when, and the API's
 * warnings. The API simulates the saved policy only, so the panel says so; a
 * save invalidates the policy's simulations (api/policies.ts), so it runs again.
 */
export function SimulationPanel({ policyId, dirty, zone, scheduleName }: { policyId: string; dirty: boolean; zone: string; scheduleName: (id: string) => string }) {
  const [at, setAt] = useState(() => isoToLocalInput(Date.now(), zone));
  const [severity, setSeverity] = useState('');
  // what was asked: the form's values when it was last submitted (not every keystroke)
  const [asked, setAsked] = useState(() => ({ at: localInputToIso(at, zone) ?? at, severity }));
  const simulation = useSimulation(policyId, asked.at, asked.severity);
  const sim = simulation.isError ? null : (simulation.data ?? null);
  const error = simulation.error;
  const busy = simulation.isFetching;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = { at: localInputToIso(at, zone) ?? at, severity };
    if (next.at === asked.at && next.severity === asked.severity) void simulation.refetch();
    else setAsked(next);
  }

  const rows = sim ? simulationRows(sim, scheduleName) : [];
  return (
    <section className="card simulation" aria-labelledby="simulation-heading">
      <h2 id="simulation-heading">Simulation</h2>
      <p className={dirty ? 'notice-warn' : 'hint'} role={dirty ? 'status' : undefined}>
        {dirty ? 'This simulates the saved policy: your unsaved changes are not in it. Save to simulate them.' : 'This simulates the saved policy. Nothing is sent.'}
      </p>
      <form onSubmit={submit} className="field-row">
        <Field label={`Incident opens at (your zone, ${zone})`} path="at" error={error}>
          {(props) => <input {...props} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />}
        </Field>
        <Field label="Alert severity" path="severity" error={error} hint="Decides the urgency as a service set to “by severity” would; none: high.">
          {(props) => (
            <select {...props} value={severity} onChange={(e) => setSeverity(e.target.value)}>
              <option value="">none (high urgency)</option>
              <option value="critical">critical</option>
              <option value="warning">warning</option>
              <option value="info">info</option>
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Simulating…' : 'Simulate'}
          </button>
        </div>
      </form>
      <FormError error={error} shownPaths={['at', 'severity']} />
      {sim ? (
        <>
          <p>
            Incident at {formatDayTime(sim.at, zone)}: urgency <strong>{sim.urgency}</strong> ({formatInstantsIn(sim.urgencyReason, { zone })}).
          </p>
          {sim.warnings.length > 0 ? (
            <div className="sim-warnings" role="alert">
              <h3>Warnings</h3>
              <ul>
                {sim.warnings.map((w, i) => (
                  <li key={i}>{formatInstantsIn(w, { zone })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {rows.length === 0 ? (
            <p>Nobody would be paged.</p>
          ) : (
            <table className="sim-table" aria-label="Who would be notified, minute by minute">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Step</th>
                  <th scope="col">Who</th>
                  <th scope="col">How</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    <td className="sim-minute">
                      +{r.minute} min <span className="hint">({formatDayTime(r.at, zone)})</span>
                    </td>
                    <td>{r.step}</td>
                    <th scope="row">{r.who}</th>
                    <td>
                      {r.how.length > 0 ? r.how.join(', ') : 'no usable contact method'}
                      {r.notUsed.length > 0 ? <span className="hint"> · not used: {formatInstantsIn(r.notUsed.join('; '), { zone })}</span> : null}
                    </td>
                    <td>{r.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}
