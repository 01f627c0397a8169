// A field-by-field diff of an audit entry's before and after, for people: nested
// objects flattened by path in plain words ("Step 2 › Delay minutes"), ids shown
// by name, instants in the viewer's zone, only the fields that changed.
import { formatInstantsIn } from '../../lib/instant-text';

export interface DiffRow {
  /** the stable path ("steps.1.delayMinutes"), a React key */
  key: string;
  /** the path in words: "Step 2 › Delay minutes" */
  field: string;
  /** the value as text; null when the field is absent on that side */
  before: string | null;
  after: string | null;
}

type Leaf = { label: string; value: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "escalationPolicyId" -> "Escalation policy", "delayMinutes" -> "Delay minutes", "id" -> "Id". */
export function fieldWords(key: string): string {
  const words = key
    .replace(/Ids?$/, (m) => (m === 'Ids' ? 's' : ''))
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Steps" -> "Step", "Policies" -> "Policy" (the label of one element). */
function singular(words: string): string {
  if (/ies$/.test(words)) return words.replace(/ies$/, 'y');
  if (/[^s]s$/.test(words)) return words.slice(0, -1);
  return words;
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function flatten(value: unknown, path: string[], labels: string[], into: Map<string, Leaf>): void {
  const key = path.join('.');
  if (Array.isArray(value)) {
    // a list of plain values (ids, labels) is one field; a list of objects, one field per element's field
    if (value.length === 0 || value.every(isPlain)) {
      into.set(key, { label: labels.join(' › '), value });
      return;
    }
    const one = singular(labels.at(-1) ?? 'Item');
    value.forEach((v, i) => flatten(v, [...path, String(i)], [...labels.slice(0, -1), `${one} ${i + 1}`], into));
    return;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0 && path.length > 0) {
      into.set(key, { label: labels.join(' › '), value });
      return;
    }
    for (const [k, v] of entries) flatten(v, [...path, k], [...labels, fieldWords(k)], into);
    return;
  }
  into.set(key, { label: labels.join(' › ') || 'Value', value });
}

/** A value as people read it: names for ids, "yes"/"no", "none", instants in the viewer's zone. */
export function valueText(value: unknown, names: Readonly<Record<string, string>>): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return names[value.toLowerCase()] ?? `id ${value.slice(0, 8)}…`;
    if (value === '') return 'empty';
    return formatInstantsIn(value, { relative: false });
  }
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => valueText(v, names)).join(', ');
  if (Object.keys(value).length === 0) return 'none';
  return formatInstantsIn(JSON.stringify(value), { relative: false });
}

/** The fields that differ between before and after (either may be null: created, deleted). */
export function auditDiff(before: unknown, after: unknown, names: Readonly<Record<string, string>> = {}): DiffRow[] {
  const a = new Map<string, Leaf>();
  const b = new Map<string, Leaf>();
  if (before !== null && before !== undefined) flatten(before, [], [], a);
  if (after !== null && after !== undefined) flatten(after, [], [], b);
  // Postgres' jsonb keeps no key order: fields by path, element numbers in order
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(byPath);
  const rows: DiffRow[] = [];
  for (const key of keys) {
    const was = a.get(key);
    const is = b.get(key);
    if (was && is && JSON.stringify(was.value) === JSON.stringify(is.value)) continue;
    rows.push({
      key,
      field: (is ?? was)!.label,
      before: was ? valueText(was.value, names) : null,
      after: is ? valueText(is.value, names) : null,
    });
  }
  return rows;
}

const collator = new Intl.Collator('en', { numeric: true });

function byPath(x: string, y: string): number {
  const xs = x.split('.');
  const ys = y.split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const c = collator.compare(xs[i]!, ys[i]!);
    if (c !== 0) return c;
  }
  return xs.length - ys.length;
}
