import type { ServiceJson } from '@heinrich/contracts/services';
import type { TeamJson } from '@heinrich/contracts/teams';
import { useRef, useState, type RefObject } from 'react';
import { formatDay, viewerZone } from '../../../lib/time';
import { STATUS_FILTERS, type StatusFilter } from '../incident-filters';
import { insightName, type ListQuery } from './list-query';

/** How long typing pauses before the search goes to the URL (and the API). */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The list's filters, all kept in the URL query: search (debounced), status,
 * sort, "Assigned to me", "My teams", and behind "More filters" service and
 * team; the insights filter (from the Insights page) as a removable chip.
 */
export function ListFilters({ query, setFilter, clearInsight, services, teams, searchRef }: {
  query: ListQuery;
  setFilter(key: string, value: string): void;
  clearInsight(): void;
  services: ServiceJson[];
  teams: TeamJson[];
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const [text, setText] = useState(query.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function onSearch(value: string) {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFilter('q', value.trim()), SEARCH_DEBOUNCE_MS);
  }

  const moreActive = query.serviceId !== '' || query.teamId !== '';
  return (
    <form className="filters list-filters" role="search" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
      <div className="field search">
        <label htmlFor="filter-q" className="visually-hidden">
          Search incidents
        </label>
        <input
          id="filter-q"
          ref={searchRef}
          type="search"
          value={text}
          placeholder="Search: title, #number, key=value"
          autoComplete="off"
          onChange={(e) => onSearch(e.target.value)}
        />
      </div>
      <div className="field compact status-field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={query.status} onChange={(e) => setFilter('status', e.target.value)}>
          {(Object.keys(STATUS_FILTERS) as StatusFilter[]).map((k) => (
            <option key={k} value={k}>
              {STATUS_FILTERS[k].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field compact">
        <label htmlFor="filter-sort">Sort</label>
        <select id="filter-sort" value={query.sort} onChange={(e) => setFilter('sort', e.target.value === 'newest' ? '' : e.target.value)}>
          <option value="newest">Newest</option>
          <option value="severity">Severity</option>
        </select>
      </div>
      <div className="toggles">
        <label className="toggle">
          <input type="checkbox" checked={query.assignedToMe} onChange={(e) => setFilter('assigned', e.target.checked ? 'me' : '')} /> Assigned to me
        </label>
        <label className="toggle">
          <input type="checkbox" checked={query.myTeams} onChange={(e) => setFilter('teams', e.target.checked ? 'mine' : '')} /> My teams
        </label>
        <details className="more-filters" open={moreActive || undefined}>
          <summary>More filters</summary>
          <div className="field">
            <label htmlFor="filter-service">Service</label>
            <select id="filter-service" value={query.serviceId} onChange={(e) => setFilter('serviceId', e.target.value)}>
              <option value="">All services</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-team">Team</label>
            <select id="filter-team" value={query.teamId} onChange={(e) => setFilter('teamId', e.target.value)}>
              <option value="">All teams</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        </details>
      </div>
      {query.insight ? (
        <p className="filter-chips">
          <span className="chip">
            Insights: {insightName(query.insight)}, {periodText(query.from, query.to)}
            <button type="button" onClick={clearInsight} aria-label="Remove the insights filter">
              ×
            </button>
          </span>
        </p>
      ) : null}
    </form>
  );
}

/** The insights period in the viewer's zone: "Mon 9 Nov to Mon 7 Dec" (to is exclusive), or the API's default. */
function periodText(from: string, to: string): string {
  const zone = viewerZone();
  const toMs = to ? Date.parse(to) : NaN;
  const fromMs = from ? Date.parse(from) : NaN;
  if (Number.isNaN(fromMs) && Number.isNaN(toMs)) return 'the last 28 days';
  const end = Number.isNaN(toMs) ? 'now' : formatDay(toMs - 1, zone);
  const start = Number.isNaN(fromMs) ? '28 days before' : formatDay(fromMs, zone);
  return `${start} to ${end}`;
}
