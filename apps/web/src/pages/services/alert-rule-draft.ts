import type { AlertRulesJson } from '@heinrich/contracts/alert-rules';

type RuleJson = AlertRulesJson['rules'][number];

/** A rule as the editor holds it: lists as text, one entry a line. */
export interface AlertRuleDraft {
  id: string | null;
  name: string;
  matchers: string;
  annotationMatchers: string;
  timed: boolean;
  weekdays: string[];
  startTime: string;
  endTime: string;
  timeZone: string;
  outside: boolean;
  severity: string;
  urgency: '' | 'high' | 'low';
  labels: string;
  annotations: string;
  suppress: boolean;
  /** a routing integration's rule: the service it sends the alert to ('' none); kept as is on a service's rules */
  routeToServiceId: string;
  stop: boolean;
}

export const WORKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export function emptyRule(): AlertRuleDraft {
  return {
    id: null,
    name: '',
    matchers: '',
    annotationMatchers: '',
    timed: false,
    weekdays: [...WORKDAYS],
    startTime: '09:00',
    endTime: '18:00',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    outside: false,
    severity: '',
    urgency: '',
    labels: '',
    annotations: '',
    suppress: false,
    routeToServiceId: '',
    stop: false,
  };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
const pairs = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');

/** `name=value` lines as an object (the first `=` splits; a line without one is a name with an empty value: removes it). */
export function parsePairs(text: string): Record<string, string> {
  return Object.fromEntries(lines(text).map((l) => (l.includes('=') ? [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()] : [l, ''])));
}

export function draftOf(r: RuleJson): AlertRuleDraft {
  return {
    ...emptyRule(),
    id: r.id,
    name: r.name,
    matchers: r.matchers.join('\n'),
    annotationMatchers: r.annotationMatchers.join('\n'),
    ...(r.time ? { timed: true, weekdays: r.time.weekdays, startTime: r.time.startTime, endTime: r.time.endTime, timeZone: r.time.timeZone, outside: r.time.outside === true } : {}),
    severity: r.actions.severity ?? '',
    urgency: r.actions.urgency ?? '',
    labels: pairs(r.actions.labels),
    annotations: pairs(r.actions.annotations),
    suppress: r.actions.suppress === true,
    routeToServiceId: r.actions.routeToServiceId ?? '',
    stop: r.stop,
  };
}

/** The PUT body's rule (the API validates; its 400 names `rules.N.…`). A route-to-service action is kept as loaded unless edited. */
export function bodyOf(d: AlertRuleDraft): Record<string, unknown> {
  const actions: Record<string, unknown> = {};
  if (d.severity.trim()) actions['severity'] = d.severity.trim();
  if (d.urgency) actions['urgency'] = d.urgency;
  if (d.labels.trim()) actions['labels'] = parsePairs(d.labels);
  if (d.annotations.trim()) actions['annotations'] = parsePairs(d.annotations);
  if (d.suppress) actions['suppress'] = true;
  if (d.routeToServiceId) actions['routeToServiceId'] = d.routeToServiceId;
  return {
    ...(d.id ? { id: d.id } : {}),
    name: d.name,
    matchers: lines(d.matchers),
    annotationMatchers: lines(d.annotationMatchers),
    time: d.timed ? { weekdays: d.weekdays, startTime: d.startTime, endTime: d.endTime, timeZone: d.timeZone, outside: d.outside } : null,
    actions,
    stop: d.stop,
  };
}

/** The list with entry `i` moved by `by` (-1 up, +1 down); unchanged at the ends. */
export function move<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** One line about a rule for the list: "severity="warning" → urgency low; stop". */
export function summarize(d: AlertRuleDraft): string {
  const when = [...lines(d.matchers), ...lines(d.annotationMatchers).map((m) => `annotations.${m}`)].join(', ') || 'every alert';
  const time = d.timed ? ` ${d.outside ? 'outside' : 'during'} ${d.startTime}-${d.endTime} ${d.timeZone}` : '';
  const does = [
    d.severity ? `severity ${d.severity}` : '',
    d.urgency ? `urgency ${d.urgency}` : '',
    d.labels.trim() ? 'labels' : '',
    d.annotations.trim() ? 'annotations' : '',
    d.suppress ? 'suppress' : '',
    d.routeToServiceId ? 'route to a service' : '',
  ].filter(Boolean);
  return `${when}${time} → ${does.join(', ') || 'nothing'}${d.stop ? '; stop' : ''}`;
}
