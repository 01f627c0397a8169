/**
 * The time zones a person can pick: the browser's IANA names
 * (Intl.supportedValuesOf('timeZone'), UTC added when the engine leaves it
 * out), the browser's own zone first.
 */
export function timeZoneNames(browserZone: string): string[] {
  const listed = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const all = new Set([...listed, 'UTC']);
  return [browserZone, ...[...all].filter((z) => z !== browserZone).sort()];
}

const words = (s: string) => s.toLowerCase().replace(/[_/]+/g, ' ').trim();

/**
 * The zones matching what was typed, best first: every typed word found in the
 * name ("Berlin" finds Europe/Berlin, "new york" America/New_York); a zone whose
 * city starts with the text comes before one that only contains it. Empty text:
 * all, in `zones`' order.
 */
export function matchTimeZones(zones: readonly string[], typed: string, limit = 50): string[] {
  const q = words(typed);
  if (!q) return zones.slice(0, limit);
  const terms = q.split(' ');
  const scored: { zone: string; score: number; at: number }[] = [];
  zones.forEach((zone, at) => {
    const name = words(zone);
    if (!terms.every((t) => name.includes(t))) return;
    const city = words(zone.slice(zone.lastIndexOf('/') + 1));
    const score = name === q || city === q ? 0 : city.startsWith(q) ? 1 : name.startsWith(q) ? 2 : 3;
    scored.push({ zone, score, at });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.at - b.at)
    .slice(0, limit)
    .map((s) => s.zone);
}

/**
 * What a typed text stands for once the person leaves the field: the zone
 * itself (any case), or the one zone whose city it names ("berlin" is
 * Europe/Berlin); else the text as typed (the API names the problem).
 */
export function resolveTimeZone(zones: readonly string[], typed: string): string {
  const t = typed.trim();
  const exact = zones.find((z) => z.toLowerCase() === t.toLowerCase());
  if (exact) return exact;
  const q = words(t);
  const byCity = zones.filter((z) => words(z.slice(z.lastIndexOf('/') + 1)) === q);
  return byCity.length === 1 ? byCity[0]! : t;
}
