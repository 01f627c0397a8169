import type { InsightsJson, InsightsQuery, InsightsTable } from '@heinrich/contracts/insights';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { insightsCsvUrl, useInsights } from '../../api/insights';
import { useServices } from '../../api/services';
import { useTeams } from '../../api/teams';
import { isAdmin, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { ReadinessSection } from '../../components/ReadinessFindings';
import { formatDay, startOfDay, viewerZone, wallClockOf, wallClockToMs } from '../../lib/time';
import { formatSeconds, formatShare } from './insight-format';
import { PeopleChart } from './PeopleChart';
import { Pyramid } from './Pyramid';
import './insights.css';

const DAY = 86_400_000;
const PRESETS = [7, 28, 90] as const;

/**
 * The Insights page (docs/insights.md "The Insights page"): one period
 * (default the last 28 days; presets or any range of days in the viewer's
 * zone), for everything the viewer may see, a team or a service. The filters
 * live in the address (?days= or ?from=&to= as dates, ?teamId=, ?serviceId=),
 * so a view can be shared and the digest links here.
 */
export function InsightsPage() {
  const [params, setParams] = useSearchParams();
  const zone = viewerZone();
  // now, once per visit: the query key stays the same while the page is open
  const [now] = useState(() => Date.now());
  const teamId = params.get('teamId') ?? undefined;
  const serviceId = params.get('serviceId') ?? undefined;
  const fromDate = params.get('from');
  const toDate = params.get('to');
  const days = Number(params.get('days') ?? 28) || 28;
  const custom = fromDate !== null && toDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(fromDate) && /^\d{4}-\d{2}-\d{2}$/.test(toDate);
  const range = custom
    ? { from: new Date(wallClockToMs(fromDate, '00:00', zone)).toISOString(), to: new Date(startOfDay(wallClockToMs(toDate, '00:00', zone), zone, 1)).toISOString() }
    : { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
  const query: InsightsQuery = { ...range, ...(teamId ? { teamId } : {}), ...(serviceId ? { serviceId } : {}) };
  const insights = useInsights(query);

  function set(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  }

  const r = insights.data;
  return (
    <section className="insights-page">
      <div className="page-head">
        <h1>Insights</h1>
      </div>
      <p className="hint">
        Heinrich’s law: behind every major incident there are many minor ones and near misses. The small signals, the noise and what paging costs the people on
        call, from this installation’s own incidents. Major: high urgency, paged someone, and open 30 minutes or more or escalated past the first step. Minor: the
        other incidents that paged someone. Near miss: an incident that paged no one (resolved before the first page, low urgency, held by maintenance, a storm
        or a rule, silenced, or a flap re-firing). Test pages never count.
      </p>
      <Filters
        key={`${fromDate}|${toDate}|${days}`}
        days={custom ? null : days}
        range={range}
        zone={zone}
        teamId={teamId}
        serviceId={serviceId}
        onPreset={(d) => set({ days: d === 28 ? null : String(d), from: null, to: null })}
        onRange={(from, to) => set({ from, to, days: null })}
        onTeam={(id) => set({ teamId: id, serviceId: null })}
        onService={(id) => set({ serviceId: id })}
      />
      <FormError error={insights.error} />
      {!r && !insights.error ? <p aria-live="polite">Loading…</p> : null}
      {r ? <Report r={r} query={query} zone={zone} stale={insights.isPlaceholderData} /> : null}
      <ReadinessSection teamId={teamId} />
    </section>
  );
}

function Filters(props: {
  days: number | null;
  range: { from: string; to: string };
  zone: string;
  teamId: string | undefined;
  serviceId: string | undefined;
  onPreset: (days: number) => void;
  onRange: (from: string, to: string) => void;
  onTeam: (id: string | null) => void;
  onService: (id: string | null) => void;
}) {
  const me = useMe();
  const teams = useTeams();
  const services = useServices();
  // the last day of the period is the day before its (exclusive) end
  const [from, setFrom] = useState(() => wallClockOf(props.range.from, props.zone).date);
  const [to, setTo] = useState(() => wallClockOf(Date.parse(props.range.to) - 1, props.zone).date);
  const visibleTeams = (teams.data ?? []).filter((t) => isAdmin(me) || me.teams.some((m) => m.id === t.id));
  const visibleServices = (services.data ?? []).filter((s) => (props.teamId ? s.teamId === props.teamId : true));

  function apply(e: FormEvent) {
    e.preventDefault();
    if (from && to && from <= to) props.onRange(from, to);
  }

  return (
    <div className="card insights-filters">
      <div className="row" role="group" aria-label="Period">
        {PRESETS.map((d) => (
          <button key={d} type="button" className={`small${props.days === d ? ' selected' : ''}`} aria-pressed={props.days === d} onClick={() => props.onPreset(d)}>
            Last {d} days
          </button>
        ))}
      </div>
      <form className="row" onSubmit={apply} aria-label="Any period">
        <label>
          From <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To (inclusive) <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="small" disabled={!from || !to || from > to}>
          Show
        </button>
      </form>
      <div className="row">
        <label>
          Team{' '}
          <select value={props.teamId ?? ''} onChange={(e) => props.onTeam(e.target.value || null)}>
            <option value="">{isAdmin(me) ? 'All teams' : 'All my teams'}</option>
            {visibleTeams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Service{' '}
          <select value={props.serviceId ?? ''} onChange={(e) => props.onService(e.target.value || null)}>
            <option value="">All services</option>
            {visibleServices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}

function Csv({ table, query }: { table: InsightsTable; query: InsightsQuery }) {
  return (
    <a className="csv-link" href={insightsCsvUrl(table, query)} download>
      Download {table} as CSV
    </a>
  );
}

function Report({ r, query, zone, stale }: { r: InsightsJson; query: InsightsQuery; zone: string; stale: boolean }) {
  const lastDay = Date.parse(r.period.to) - 1;
  const scope = `${r.scope.services} ${r.scope.services === 1 ? 'service' : 'services'}`;
  return (
    <div className={stale ? 'stale' : undefined} aria-busy={stale}>
      <p data-testid="insights-period">
        <strong>
          {formatDay(r.period.from, zone)} – {formatDay(lastDay, zone)}
        </strong>{' '}
        <span className="muted">
          ({scope}; compared with {formatDay(r.previousPeriod.from, zone)} – {formatDay(Date.parse(r.previousPeriod.to) - 1, zone)})
        </span>
      </p>

      <section className="card" aria-labelledby="pyramid-h">
        <div className="section-head">
          <h2 id="pyramid-h">Pyramid</h2>
          <Csv table="pyramid" query={query} />
        </div>
        <Pyramid pyramid={r.pyramid} period={r.period} teamId={query.teamId} serviceId={query.serviceId} />
      </section>

      <section className="card" aria-labelledby="response-h">
        <div className="section-head">
          <h2 id="response-h">Response</h2>
          <Csv table="response" query={query} />
        </div>
        <dl className="stats" data-testid="response">
          <div>
            <dt>Incidents that paged</dt>
            <dd>{r.response.incidents}</dd>
          </div>
          <div>
            <dt>Time to acknowledge (median / p90)</dt>
            <dd>
              {r.response.mtta.medianSeconds === null ? (
                <span className="muted">nobody acknowledged</span>
              ) : (
                <>
                  {formatSeconds(r.response.mtta.medianSeconds)} / {formatSeconds(r.response.mtta.p90Seconds)}
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Time to resolve (median / p90)</dt>
            <dd>
              {formatSeconds(r.response.mttr.medianSeconds)} / {formatSeconds(r.response.mttr.p90Seconds)}
            </dd>
          </div>
          <div>
            <dt>Acknowledged within 5 min</dt>
            <dd>
              {formatShare(r.response.acknowledgedWithin5Min.share)} <span className="muted">({r.response.acknowledgedWithin5Min.count})</span>
            </dd>
          </div>
          <div>
            <dt>Escalated past step 1</dt>
            <dd>{r.response.escalatedPastFirstStep}</dd>
          </div>
          <div>
            <dt>Ran out of policy</dt>
            <dd>{r.response.exhaustedPolicy}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="people-h">
        <div className="section-head">
          <h2 id="people-h">People</h2>
          <Csv table="people" query={query} />
        </div>
        <p>
          {r.people.totals.pages} pages, {r.people.totals.interruptions} interruptions: {r.people.totals.business} in business hours, {r.people.totals.offHours} off hours,{' '}
          <strong data-testid="people-sleep">{r.people.totals.sleep} in sleep hours</strong>.
        </p>
        {r.people.rows.length === 0 ? <p className="muted">No one was paged.</p> : <PeopleChart rows={r.people.rows} />}
        {r.people.rows.length > 0 ? (
          <div className="table-scroll">
            <table className="data" data-testid="people-table">
              <caption className="visually-hidden">Pages and interruptions per person</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Pages</th>
                  <th scope="col">Interruptions</th>
                  <th scope="col">Business</th>
                  <th scope="col">Off hours</th>
                  <th scope="col">Sleep</th>
                </tr>
              </thead>
              <tbody>
                {r.people.rows.map((p) => (
                  <tr key={p.userId}>
                    <th scope="row">
                      <Link to={`/users/${p.userId}`}>{p.name}</Link> <span className="muted">{p.timeZone}</span>
                    </th>
                    <td>{p.pages}</td>
                    <td>{p.interruptions}</td>
                    <td>{p.business}</td>
                    <td>{p.offHours}</td>
                    <td>{p.sleep}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="noise-h">
        <div className="section-head">
          <h2 id="noise-h">Noise</h2>
          <Csv table="noise" query={query} />
        </div>
        {r.noise.length === 0 ? (
          <p className="muted">No incidents in this period.</p>
        ) : (
          <div className="table-scroll">
            <table className="data" data-testid="noise-table">
              <caption className="visually-hidden">The noisiest alerts</caption>
              <thead>
                <tr>
                  <th scope="col">Alert</th>
                  <th scope="col">Incidents</th>
                  <th scope="col">Pages</th>
                  <th scope="col">Resolved unacknowledged</th>
                  <th scope="col">Median open</th>
                  <th scope="col">Flapping</th>
                </tr>
              </thead>
              <tbody>
                {r.noise.map((n) => (
                  <tr key={`${n.serviceId}/${n.key}`}>
                    <th scope="row">
                      <Link to={`/services/${n.serviceId}`}>{n.serviceName}</Link> / <span data-user-text>{n.key}</span>
                      {n.hint ? <div className="noise-hint">{n.hint}</div> : null}
                    </th>
                    <td>{n.incidents}</td>
                    <td>{n.pages}</td>
                    <td>{formatShare(n.resolvedWithoutAckShare)}</td>
                    <td>{formatSeconds(n.medianDurationSeconds)}</td>
                    <td>{n.flapping}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="recurring-h">
        <div className="section-head">
          <h2 id="recurring-h">Recurring</h2>
          <Csv table="recurring" query={query} />
        </div>
        <p className="hint">Alert groups that opened again 3 or more times: a pattern worth a look before it becomes the major one.</p>
        {r.recurring.length === 0 ? (
          <p className="muted">Nothing re-opened 3 times or more.</p>
        ) : (
          <div className="table-scroll">
            <table className="data" data-testid="recurring-table">
              <thead>
                <tr>
                  <th scope="col">Incident group</th>
                  <th scope="col">Re-opened</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {r.recurring.map((g) => (
                  <tr key={`${g.serviceId}/${g.groupKey}`}>
                    <th scope="row">
                      <Link to={`/services/${g.serviceId}`}>{g.serviceName}</Link>: <span data-user-text>{g.title}</span>
                    </th>
                    <td>{g.reopenings}</td>
                    <td>
                      {g.openings.map((o, i) => (
                        <span key={`${o.incidentId}-${i}`}>
                          {i > 0 ? ', ' : ''}
                          <Link to={`/incidents/${o.number}`} title={o.kind === 'reopened' ? 'flap re-open' : undefined}>
                            {formatDay(o.at, zone)}
                          </Link>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
