import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { Field } from '../../components/Form';
import { describeRotation, move, moveToWeekday, weekdayOfDate, type LayerDraft, type RestrictionDraft, type RotationType } from './layer-draft';
import type { Person } from './people';
import { WEEKDAYS, type Weekday } from '../../lib/time';

export type { Person };

const ROTATIONS: { value: RotationType; label: string; unit: string }[] = [
  { value: 'weekly', label: 'Weekly', unit: 'weeks' },
  { value: 'daily', label: 'Daily', unit: 'days' },
  { value: 'hourly', label: 'Hourly', unit: 'hours' },
  { value: 'custom', label: 'Custom length', unit: 'hours (e.g. 12 or 1.5)' },
];

/** The field paths a LayerEditor shows next to its fields (FormError lists the rest). */
export function layerShownPaths(i: number): string[] {
  return ['name', 'members', 'rotation.type', 'rotation.shiftLength', 'start', 'end', 'restrictions'].map((f) => `layers.${i}.${f}`);
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function WeekdaySelect({ value, onChange, label }: { value: Weekday; onChange: (d: Weekday) => void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Weekday)}>
      {WEEKDAYS.map((d) => (
        <option key={d} value={d}>
          {cap(d)}
        </option>
      ))}
    </select>
  );
}

function RestrictionRow({
  r,
  path,
  n,
  error,
  onChange,
  onRemove,
}: {
  r: RestrictionDraft;
  path: string;
  n: number;
  error: ApiError | null;
  onChange: (r: RestrictionDraft) => void;
  onRemove: () => void;
}) {
  const weekly = r.type === 'weekly';
  return (
    <li className="restriction">
      <div className="row-controls">
        <select aria-label={`Window ${n} repeats`} value={r.type} onChange={(e) => onChange({ ...r, type: e.target.value as RestrictionDraft['type'] })}>
          <option value="daily">Every day</option>
          <option value="weekly">Every week</option>
        </select>
        <span>from</span>
        {weekly ? <WeekdaySelect label={`Window ${n} starts on`} value={r.startDay} onChange={(d) => onChange({ ...r, startDay: d })} /> : null}
        <input type="time" aria-label={`Window ${n} start time`} value={r.startTime} onChange={(e) => onChange({ ...r, startTime: e.target.value })} required />
        <span>to</span>
        {weekly ? <WeekdaySelect label={`Window ${n} ends on`} value={r.endDay} onChange={(d) => onChange({ ...r, endDay: d })} /> : null}
        <input type="time" aria-label={`Window ${n} end time`} value={r.endTime} onChange={(e) => onChange({ ...r, endTime: e.target.value })} required />
        <button type="button" className="secondary" onClick={onRemove}>
          Remove window {n}
        </button>
      </div>
      <FieldError error={error} path={path} nested />
    </li>
  );
}

/**
 * One layer's form: members in rotation order (add, remove, move up/down with
 * buttons, so the keyboard does it too), the rotation and its length, the first
 * handoff (day and time in the schedule's zone) and the restriction windows.
 * The API's problems show under the field they name (`layers.0.members.2`).
 */
export function LayerEditor({
  draft,
  index,
  zone,
  people,
  nameOf,
  error,
  onChange,
}: {
  draft: LayerDraft;
  index: number;
  zone: string;
  /** who may be on call: the team's responders and leads */
  people: Person[];
  nameOf: (id: string) => string;
  error: ApiError | null;
  onChange: (d: LayerDraft) => void;
}) {
  const p = `layers.${index}`;
  const [toAdd, setToAdd] = useState('');
  const set = (patch: Partial<LayerDraft>) => onChange({ ...draft, ...patch });
  const rotation = ROTATIONS.find((r) => r.value === draft.rotationType) ?? ROTATIONS[0]!;
  const handoffDay = weekdayOfDate(draft.startDate) ?? 'monday';
  const layerName = draft.name || `layer ${index + 1}`;

  return (
    <div className="layer-editor">
      <Field label="Layer name" path={`${p}.name`} error={error}>
        {(props) => <input {...props} value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} />}
      </Field>

      <fieldset className="members">
        <legend>Members, in rotation order</legend>
        {draft.members.length === 0 ? <p className="hint">Nobody yet: add the people who take turns.</p> : null}
        <ol>
          {draft.members.map((id, i) => {
            const name = nameOf(id);
            return (
              <li key={`${id}-${i}`}>
                <span className="member-name">{name}</span>
                <span className="row-controls">
                  <button type="button" className="secondary" aria-label={`Move ${name} up in ${layerName}`} disabled={i === 0} onClick={() => set({ members: move(draft.members, i, -1) })}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Move ${name} down in ${layerName}`}
                    disabled={i === draft.members.length - 1}
                    onClick={() => set({ members: move(draft.members, i, 1) })}
                  >
                    ↓
                  </button>
                  <button type="button" className="secondary" aria-label={`Remove ${name} from ${layerName}`} onClick={() => set({ members: draft.members.filter((_, j) => j !== i) })}>
                    Remove
                  </button>
                </span>
                <FieldError error={error} path={`${p}.members.${i}`} />
              </li>
            );
          })}
        </ol>
        <FieldError error={error} path={`${p}.members`} />
        <div className="row-controls">
          <label htmlFor={`add-member-${index}`}>Add member</label>
          <select id={`add-member-${index}`} value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
            <option value="">Choose a person…</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            disabled={!toAdd}
            onClick={() => {
              set({ members: [...draft.members, toAdd] });
              setToAdd('');
            }}
          >
            Add to rotation
          </button>
        </div>
      </fieldset>

      <div className="field-row">
        <Field label="Rotation" path={`${p}.rotation.type`} error={error}>
          {(props) => (
            <select {...props} value={draft.rotationType} onChange={(e) => set({ rotationType: e.target.value as RotationType })}>
              {ROTATIONS.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Shift length (${rotation.unit})`} path={`${p}.rotation.shiftLength`} error={error}>
          {(props) => (
            <input {...props} type="number" inputMode="decimal" min={draft.rotationType === 'custom' ? 0 : 1} step={draft.rotationType === 'custom' ? 'any' : 1} value={draft.shiftLength} onChange={(e) => set({ shiftLength: e.target.value })} required />
          )}
        </Field>
      </div>

      <div className="field-row">
        {draft.rotationType === 'weekly' ? (
          <div className="field">
            <label htmlFor={`handoff-day-${index}`}>Handoff day</label>
            <select id={`handoff-day-${index}`} value={handoffDay} onChange={(e) => set({ startDate: moveToWeekday(draft.startDate, e.target.value as Weekday) })}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {cap(d)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`handoff-time-${index}`}>Handoff time ({zone})</label>
          <input id={`handoff-time-${index}`} type="time" value={draft.startTime} onChange={(e) => set({ startTime: e.target.value })} required />
        </div>
        <Field label="First shift starts on" path={`${p}.start`} error={error} hint="The first member's shift begins here; the rotation counts from it.">
          {(props) => <input {...props} type="date" value={draft.startDate} onChange={(e) => set({ startDate: e.target.value })} required />}
        </Field>
      </div>
      <p className="hint">{describeRotation(draft, zone)}</p>
      <FieldError error={error} path={`${p}.end`} />

      <fieldset className="restrictions">
        <legend>On call only during (restrictions, {zone})</legend>
        {draft.restrictions.length === 0 ? <p className="hint">Always on call: no restriction windows.</p> : null}
        <ul>
          {draft.restrictions.map((r, j) => (
            <RestrictionRow
              key={j}
              r={r}
              n={j + 1}
              path={`${p}.restrictions.${j}`}
              error={error}
              onChange={(next) => set({ restrictions: draft.restrictions.map((x, k) => (k === j ? next : x)) })}
              onRemove={() => set({ restrictions: draft.restrictions.filter((_, k) => k !== j) })}
            />
          ))}
        </ul>
        <FieldError error={error} path={`${p}.restrictions`} />
        <button
          type="button"
          className="secondary"
          onClick={() => set({ restrictions: [...draft.restrictions, { type: 'weekly', startDay: 'monday', startTime: '09:00', endDay: 'friday', endTime: '17:00' }] })}
        >
          Add restriction window
        </button>
      </fieldset>
    </div>
  );
}
