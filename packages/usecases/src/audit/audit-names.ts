import type { AuditEntryRecord } from '@heinrich/db/audit/select-audit-entries';

/** An audit entry with the names of what it mentions (the ids stay as they are). */
export interface NamedAuditEntry extends AuditEntryRecord {
  /** the actor as named now (a user's or API key's current name), else as recorded */
  actorName: string;
  /** the changed thing's name (now, or as last recorded when deleted); null for unnamed things */
  entityName: string | null;
  /** names of the ids inside before/after (users, teams, services, policies, schedules, ...) */
  names: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id inside an actor (`user:<id>`, `api-key:<id>`), if any. */
export function actorIdOf(actor: string): string | null {
  const id = actor.slice(actor.indexOf(':') + 1);
  return UUID.test(id) ? id.toLowerCase() : null;
}

/** Every UUID-shaped string inside a JSON value (object keys included, for maps keyed by id). */
export function idsInJson(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) idsInJson(v, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (UUID.test(k)) into.add(k.toLowerCase());
      idsInJson(v, into);
    }
  }
  return into;
}

/** Every id an entry mentions: its actor, the changed thing, and the ids in before/after. */
export function idsOfEntry(e: AuditEntryRecord): Set<string> {
  const ids = idsInJson([e.before, e.after]);
  const actorId = actorIdOf(e.actor);
  if (actorId) ids.add(actorId);
  if (UUID.test(e.entityId)) ids.add(e.entityId.toLowerCase());
  return ids;
}

/** Each entry with the names (from `names`, by id) of what it mentions. */
export function nameEntries(entries: readonly AuditEntryRecord[], names: ReadonlyMap<string, string>): NamedAuditEntry[] {
  return entries.map((e) => {
    const actorId = actorIdOf(e.actor);
    const inside = idsInJson([e.before, e.after]);
    const own: Record<string, string> = {};
    for (const id of inside) {
      const name = names.get(id);
      if (name !== undefined) own[id] = name;
    }
    return {
      ...e,
      actorName: (actorId && names.get(actorId)) || e.actorDisplay,
      entityName: names.get(e.entityId.toLowerCase()) ?? null,
      names: own,
    };
  });
}
