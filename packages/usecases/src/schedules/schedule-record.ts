import type { Schedule, ScheduleLayer, Restriction, Rotation } from '@heinrich/core/schedule/schedule';

/**
 * A layer as the API takes and shows it (and the database stores it in a
 * revision): the core's ScheduleLayer, with absent values spelled out
 * (`end: null`, `restrictions: []`), so every stored layer has the same shape.
 */
export interface LayerDefinition {
  name: string;
  members: string[];
  rotation: Rotation;
  start: string;
  end: string | null;
  restrictions: Restriction[];
}

/** What a caller gives for layers: `end` and `restrictions` may be left out. */
export type LayerInput = Omit<LayerDefinition, 'end' | 'restrictions'> & { end?: string | null; restrictions?: Restriction[] };

/** A schedule with its current revision. */
export interface ScheduleRecord {
  id: string;
  teamId: string;
  name: string;
  description: string | null;
  timeZone: string;
  layers: LayerDefinition[];
  version: number;
  /** when the current layers and time zone took effect */
  effectiveFrom: Date;
  createdAt: Date;
  updatedAt: Date;
}

export function toLayerDefinitions(layers: readonly LayerInput[]): LayerDefinition[] {
  return layers.map((l) => ({
    name: l.name,
    members: [...l.members],
    rotation: { type: l.rotation.type, shiftLength: l.rotation.shiftLength },
    start: l.start,
    end: l.end ?? null,
    restrictions: (l.restrictions ?? []).map(canonicalRestriction),
  }));
}

/** A restriction with its fields in the API's order (jsonb returns keys in an order of its own). */
function canonicalRestriction(r: Restriction): Restriction {
  return r.type === 'daily'
    ? { type: 'daily', start: r.start, end: r.end }
    : { type: 'weekly', start: { weekday: r.start.weekday, time: r.start.time }, end: { weekday: r.end.weekday, time: r.end.time } };
}

/** The resolver's view of one revision. */
export function toCoreSchedule(id: string, timeZone: string, layers: readonly LayerDefinition[]): Schedule {
  return {
    id,
    timeZone,
    layers: layers.map((l): ScheduleLayer => ({
      name: l.name,
      members: l.members,
      rotation: l.rotation,
      start: l.start,
      ...(l.end !== null ? { end: l.end } : {}),
      ...(l.restrictions.length > 0 ? { restrictions: l.restrictions } : {}),
    })),
  };
}
