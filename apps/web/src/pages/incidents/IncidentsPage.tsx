import type { IncidentJson } from '@heinrich/contracts/incidents';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useBulkIncidentStatus, useIncidents } from '../../api/incidents';
import { useServices } from '../../api/services';
import { useTeams } from '../../api/teams';
import { canRespond, useMe } from '../../auth/useMe';
import { FormError } from '../../components/Form';
import { formatTimeSeconds } from '../../lib/time';
import { BulkBar, BulkResult } from './list/BulkBar';
import { IncidentRow } from './list/IncidentRow';
import { KeyboardHint } from './list/KeyboardHint';
import { ListFilters } from './list/ListFilters';
import { groupByStorm } from './list/list-model';
import { apiFilter, defaultStatus, parseListQuery } from './list/list-query';
import { StormRow } from './list/StormRow';
import { useListKeyboard } from './list/use-list-keyboard';

/**
 * The live incident list (docs/web-ui.md "Incident list"): polls while visible
 * (every INCIDENT_POLL_MS, a new incident shows up without a reload); search,
 * sort and filters kept in the URL; one compact row per incident, a storm's
 * incidents under their storm row; select rows (or all) to acknowledge or
 * resolve them at once; j/k/x/a on the keyboard.
 */
export function IncidentsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const query = parseListQuery(params);
  // keyed by the filter: a change shows "Loading" until its own answer, never the previous filter's list
  const list = useIncidents(apiFilter(query));
  const incidents = useMemo(() => list.data?.items ?? null, [list.data]);
  // a failed poll keeps the last list and says so
  const error = list.error;
  const updatedAt = list.dataUpdatedAt ? new Date(list.dataUpdatedAt) : null;
  const services = useServices();
  const teams = useTeams();
  const bulk = useBulkIncidentStatus();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const table = useRef<HTMLTableElement>(null);
  const search = useRef<HTMLInputElement>(null);

  const serviceById = useMemo(() => new Map((services.data ?? []).map((s) => [s.id, s])), [services.data]);
  const shown = useMemo(() => incidents ?? [], [incidents]);
  const entries = useMemo(() => groupByStorm(shown), [shown]);
  const canAct = (i: IncidentJson) => canRespond(me, serviceById.get(i.serviceId)?.teamId);
  const selectable = shown.filter(canAct);
  const selectedShown = shown.filter((i) => selected.has(i.id));

  function setFilter(key: string, value: string) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        const isDefault = value === '' || (key === 'status' && value === defaultStatus(next.has('insight')));
        if (isDefault) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  }

  function clearInsight() {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of ['insight', 'from', 'to']) next.delete(key);
        return next;
      },
      { replace: true },
    );
  }

  /** Selects `ids` (those one may act on), or unselects them when all already are. */
  function toggle(ids: string[]) {
    const mine = ids.filter((id) => selectable.some((i) => i.id === id));
    setSelected((prev) => {
      const next = new Set(prev);
      if (mine.every((id) => next.has(id))) for (const id of mine) next.delete(id);
      else for (const id of mine) next.add(id);
      return next;
    });
  }

  function runBulk(status: 'acknowledged' | 'resolved', targets: IncidentJson[]) {
    const ids = targets.filter((i) => (status === 'acknowledged' ? i.status === 'triggered' : i.status !== 'resolved')).map((i) => i.id);
    if (ids.length === 0) return;
    bulk.mutate(
      { ids, status },
      {
        // the ones that failed stay selected, to try again or look at
        onSuccess: (result) => {
          const failed = new Set(result.results.filter((r) => r.outcome !== 'changed' && r.outcome !== 'unchanged').map((r) => r.id));
          setSelected((prev) => new Set([...prev].filter((id) => !ids.includes(id) || failed.has(id))));
        },
      },
    );
  }

  useListKeyboard({
    table,
    search,
    onToggle: toggle,
    onAcknowledge: (focusedIds) => {
      const targets = selectedShown.length > 0 ? selectedShown : shown.filter((i) => focusedIds.includes(i.id));
      runBulk('acknowledged', targets);
    },
  });

  // "3 min ago" counts from the answer's time, so rows age with each poll
  const now = new Date(list.dataUpdatedAt);
  const busy = bulk.isPending ? bulk.variables.status : null;
  return (
    <section className="incident-list-page">
      <div className="page-head">
        <h1>Incidents</h1>
        <p className="live" aria-live="off">
          {updatedAt ? `Live: updated ${formatTimeSeconds(updatedAt)}` : 'Loading…'}
        </p>
        <KeyboardHint />
      </div>
      <ListFilters
        query={query}
        setFilter={setFilter}
        clearInsight={clearInsight}
        services={services.data ?? []}
        teams={teams.data ?? []}
        searchRef={search}
      />
      <FormError error={error} />
      <BulkResult result={bulk.data} error={bulk.error} />
      {incidents === null && !error ? <p>Loading incidents…</p> : null}
      {incidents !== null && shown.length === 0 ? <p className="card">No incidents match these filters. All quiet.</p> : null}
      {shown.length > 0 ? (
        <>
          <BulkBar
            count={shown.length}
            selectable={selectable.length}
            selected={selectedShown}
            onSelectAll={(all) => setSelected(all ? new Set(selectable.map((i) => i.id)) : new Set())}
            busy={busy}
            onBulk={(status) => runBulk(status, selectedShown)}
          />
          <table className="incident-list" ref={table} aria-label="Incidents" aria-describedby="incident-count">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Selected</span>
                </th>
                <th scope="col">Incident</th>
                <th scope="col">Status</th>
                <th scope="col">On it</th>
                <th scope="col">Service</th>
                <th scope="col">Opened</th>
                <th scope="col">Alerts</th>
              </tr>
            </thead>
            {entries.map((entry) =>
              entry.kind === 'incident' ? (
                <tbody key={entry.incident.id}>
                  <IncidentRow
                    incident={entry.incident}
                    now={now}
                    selectable={canAct(entry.incident)}
                    selected={selected.has(entry.incident.id)}
                    onToggle={() => toggle([entry.incident.id])}
                  />
                </tbody>
              ) : (
                <tbody key={entry.stormId} className="storm-group">
                  <StormRow
                    stormId={entry.stormId}
                    serviceName={entry.serviceName}
                    incidents={entry.incidents}
                    page={entry.page}
                    now={now}
                    expanded={expanded.has(entry.stormId)}
                    onExpand={() =>
                      setExpanded((prev) => {
                        const next = new Set(prev);
                        if (next.has(entry.stormId)) next.delete(entry.stormId);
                        else next.add(entry.stormId);
                        return next;
                      })
                    }
                    selectable={entry.incidents.some(canAct)}
                    selected={selectionOf(entry.incidents.filter(canAct), selected)}
                    onToggle={() => toggle(entry.incidents.map((i) => i.id))}
                  />
                  {expanded.has(entry.stormId)
                    ? entry.incidents.map((i) => (
                        <IncidentRow key={i.id} incident={i} now={now} inStorm selectable={canAct(i)} selected={selected.has(i.id)} onToggle={() => toggle([i.id])} />
                      ))
                    : null}
                </tbody>
              ),
            )}
          </table>
        </>
      ) : null}
    </section>
  );
}

function selectionOf(incidents: IncidentJson[], selected: ReadonlySet<string>): 'all' | 'some' | 'none' {
  const n = incidents.filter((i) => selected.has(i.id)).length;
  return n === 0 ? 'none' : n === incidents.length ? 'all' : 'some';
}
