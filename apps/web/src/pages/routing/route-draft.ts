import type { RoutingIntegrationJson } from '@heinrich/contracts/routing-integrations';

/** One route as the editor holds it: matchers one a line, and its target. */
export interface RouteDraft {
  matchers: string;
  kind: 'service' | 'label';
  serviceId: string;
  label: string;
}

export function draftsOf(i: RoutingIntegrationJson): RouteDraft[] {
  return i.routes.map((r) => ({
    matchers: r.matchers.join('\n'),
    kind: r.serviceFromLabel ? 'label' : 'service',
    serviceId: r.serviceId ?? '',
    label: r.serviceFromLabel ?? '',
  }));
}

/** The PUT/POST body's routes: empty lines dropped; the API validates the rest (and names the field). */
export function routesBody(drafts: readonly RouteDraft[]) {
  return drafts.map((d) => ({
    matchers: d.matchers.split('\n').map((m) => m.trim()).filter((m) => m !== ''),
    ...(d.kind === 'service' ? { serviceId: d.serviceId || undefined } : { serviceFromLabel: d.label }),
  }));
}

/** Moves route `i` one place up (-1) or down (+1); out of range: unchanged. */
export function moveRoute<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
