// Incident events (docs/architecture.md, "Incident events"): the timeline's
// types are declared once, in core's incident-event-catalog. Writers are typed
// by it (recordEvents and writeEscalationDecision take IncidentEventDraft: a
// catalog type with that type's data; insertIncidentNote takes the note's
// data); this test catches what the type checker cannot see: SQL that writes
// or reads incident_events with a type the catalog does not declare, timeline
// writes that bypass the typed writers, a writer that stops being typed by the
// catalog, and (a second line behind the compiler, e.g. against a cast) any
// string literal given as an event's type in a file that writes events.
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

/** What a file that writes timeline events names: a writer, a draft type, or a typed draft helper. */
const WRITES_EVENTS = /\b(recordEvents|writeEscalationDecision|insertIncidentNote|IncidentEventDraft|NewIncidentEvent|deliveryEvent|incidentEventDraft)\b/;

/**
 * The string literals a file gives as an event type: `type: 'x'` (also each
 * branch of `type: c ? 'x' : 'y'`, not the literals compared in `c`), and the
 * type argument of the draft helpers (`deliveryEvent(d, 'x'`, `incidentEventDraft('x'`, start-escalation's `note('x'`).
 */
function eventTypeLiterals(text: string): string[] {
  const literals: string[] = [];
  for (const m of text.matchAll(/\btype:\s*([^,\n}]+)/g)) {
    for (const l of m[1]!.matchAll(/(===?|!==?)?\s*'([^']*)'/g)) if (!l[1]) literals.push(l[2]!);
  }
  for (const m of text.matchAll(/\b(?:deliveryEvent\(\s*\w+,|incidentEventDraft\(|note\()\s*'([^']+)'/g)) literals.push(m[1]!);
  return literals;
}

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

  it('every writer is typed by the catalog', () => {
    const untyped = WRITERS.filter((path) => {
      const text = files.find((f) => f.path === path)?.text ?? '';
      return !/from '@heinrich\/core\/incidents\/incident-event-catalog'/.test(text) || !/\b(IncidentEventDraft|IncidentEventData<)/.test(text);
    });
    expect(untyped).toEqual([]);
  });

  it('files that write events give only catalog types', () => {
    const writing = files.filter((f) => f.path !== CATALOG && WRITES_EVENTS.test(f.text));
    const found = writing.flatMap((f) => eventTypeLiterals(f.text).map((t) => ({ path: f.path, t })));
    // the scan sees the writers it should (not vacuous): lifecycle, escalation, delivery, silences
    for (const t of ['opened', 'acknowledged', 'escalation_step', 'escalation_started', 'delivery_planned', 'notified', 'silenced', 'dispatched']) {
      expect(found.map((x) => x.t)).toContain(t);
    }
    expect(found.filter((x) => !known.has(x.t)).map((x) => `${x.path}: '${x.t}'`)).toEqual([]);
  });

  it('the scan of event type literals reads what it should', () => {
    expect(eventTypeLiterals(`{ type: 'opened', data }, { type: a === 'acknowledge' ? 'acknowledged' : 'resolved' }, deliveryEvent(d, 'notified', m), note('escalation_started', m)`)).toEqual([
      'opened',
      'acknowledged',
      'resolved',
      'notified',
      'escalation_started',
    ]);
  });

  it('nothing writes the timeline through Prisma', () => {
    const viaPrisma = files.filter((f) => /\.incidentEvent\.(create|createMany|createManyAndReturn|update|updateMany|upsert)\b/.test(f.text)).map((f) => f.path);
    expect(viaPrisma).toEqual([]);
  });

  it('readers compare event types only with catalog types', () => {
    const unknown: string[] = [];
    for (const f of files.filter((f) => f.path !== CATALOG && /\b(ExplainEvent|IncidentEvent|recordEvents|readIncidentEvent)\b/.test(f.text))) {
      for (const m of f.text.matchAll(/\b(?:e|ev|event)\.type\s*[!=]==\s*'([^']+)'/g)) if (!known.has(m[1]!)) unknown.push(`${f.path}: '${m[1]}'`);
    }
    expect(unknown).toEqual([]);
  });
});
