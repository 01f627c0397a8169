// Incident events (docs/architecture.md, "Incident events"): the timeline's
// types are declared once, in core's incident-event-catalog. Writers are typed
// by it (recordEvents and writeEscalationDecision take IncidentEventType); this
// test catches what the type checker cannot see: SQL that writes or reads
// incident_events with a type the catalog does not declare, and timeline
// writes that bypass the typed writers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_TYPES } from '../packages/core/src/incidents/incident-event-catalog';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CATALOG = 'packages/core/src/incidents/incident-event-catalog.ts';
/** the only places that INSERT INTO incident_events; each takes catalog types */
const WRITERS = ['packages/db/src/incidents/record-events.ts', 'packages/db/src/incidents/insert-incident-note.ts', 'packages/db/src/escalation/write-escalation-decision.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = ['packages', 'apps']
  .flatMap((top) => readdirSync(join(root, top)).map((name) => join(root, top, name, 'src')))
  .flatMap((dir) => {
    try {
      return sourceFiles(dir);
    } catch {
      return [];
    }
  })
  .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

const known = new Set<string>(INCIDENT_EVENT_TYPES);

describe('incident event types come from the catalog', () => {
  it('only the typed writers insert timeline rows', () => {
    const inserting = files.filter((f) => /INSERT\s+INTO\s+incident_events/i.test(f.text)).map((f) => f.path);
    expect(inserting.sort()).toEqual([...WRITERS].sort());
  });

  // the timeline is aliased e or ev in SQL; other tables' type columns are not events
  it('SQL names only catalog event types', () => {
    const unknown: string[] = [];
    for (const f of files.filter((f) => f.path !== CATALOG && /incident_events/.test(f.text))) {
      const literals = [
        ...[...f.text.matchAll(/\bev?\.type\s+IN\s*\(([^)]*)\)/gi)].flatMap((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!)),
        ...[...f.text.matchAll(/\bev?\.type\s*=\s*'([^']+)'/gi)].map((m) => m[1]!),
        ...[...f.text.matchAll(/VALUES\s*\([^)]*?'([a-z_]+)'/gi)].map((m) => m[1]!),
      ];
      for (const t of literals) if (!known.has(t)) unknown.push(`${f.path}: '${t}'`);
    }
    expect(unknown).toEqual([]);
  });

  it('readers compare event types only with catalog types', () => {
    const unknown: string[] = [];
    for (const f of files.filter((f) => f.path !== CATALOG && /\b(ExplainEvent|IncidentEvent|recordEvents|readIncidentEvent)\b/.test(f.text))) {
      for (const m of f.text.matchAll(/\b(?:e|ev|event)\.type\s*[!=]==\s*'([^']+)'/g)) if (!known.has(m[1]!)) unknown.push(`${f.path}: '${m[1]}'`);
    }
    expect(unknown).toEqual([]);
  });
});
