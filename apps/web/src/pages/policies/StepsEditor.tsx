import { FieldError } from '../../components/FieldError';
import { Field } from '../../components/Form';
import type { ApiError } from '../../api/client';
import { move } from '../schedules/layer-draft';
import type { Person } from '../schedules/people';
import type { PolicyDraft, StepDraft, TargetType } from './policy-draft';

const TYPE_LABEL: Record<TargetType, string> = { user: 'Person', schedule: 'Whoever is on call in a schedule', slackChannel: 'Slack channel' };

/** The field paths the editor shows next to its fields (FormError lists the rest). */
export function stepsShownPaths(d: PolicyDraft): string[] {
  return ['name', 'repeat', 'steps', ...d.steps.flatMap((_, i) => [`steps.${i}.delayMinutes`, `steps.${i}.targets`])];
}

function TargetRow({
  target,
  path,
  label,
  users,
  schedules,
  error,
  onChange,
  onRemove,
}: {
  target: StepDraft['targets'][number];
  path: string;
  label: string;
  users: Person[];
  schedules: Person[];
  error: ApiError | null;
  onChange: (t: StepDraft['targets'][number]) => void;
  onRemove: () => void;
}) {
  return (
    <li>
      <div className="row-controls">
        <select aria-label={`${label}: kind`} value={target.type} onChange={(e) => onChange({ type: e.target.value as TargetType, id: '' })}>
          {(Object.keys(TYPE_LABEL) as TargetType[]).map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        {target.type === 'slackChannel' ? (
          <input aria-label={`${label}: Slack channel id`} placeholder="C0123ABC" value={target.id} onChange={(e) => onChange({ ...target, id: e.target.value })} required />
        ) : (
          <select aria-label={`${label}: ${target.type === 'user' ? 'person' : 'schedule'}`} value={target.id} onChange={(e) => onChange({ ...target, id: e.target.value })} required>
            <option value="">Choose…</option>
            {(target.type === 'user' ? users : schedules).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="secondary" onClick={onRemove}>
          Remove {label.toLowerCase()}
        </button>
      </div>
      <FieldError error={error} path={path} nested />
    </li>
  );
}

/**
 * Steps of an escalation policy: each pages its targets (people, whoever is on
 * call in a schedule, Slack channels) and waits its delay before the next; then
 * the whole list repeats `repeat` more times. Problems show under their field
 * (`steps.1.targets.0.id`).
 */
export function StepsEditor({
  draft,
  users,
  schedules,
  error,
  onChange,
}: {
  draft: PolicyDraft;
  users: Person[];
  schedules: Person[];
  error: ApiError | null;
  onChange: (d: PolicyDraft) => void;
}) {
  const setStep = (i: number, s: StepDraft) => onChange({ ...draft, steps: draft.steps.map((x, j) => (j === i ? s : x)) });
  return (
    <>
      {draft.steps.map((s, i) => (
        <fieldset key={i} className="step">
          <legend>Step {i + 1}</legend>
          <div className="targets">
            <p className="hint">Pages:</p>
            <ul>
              {s.targets.map((t, k) => (
                <TargetRow
                  key={k}
                  target={t}
                  label={`Step ${i + 1} target ${k + 1}`}
                  path={`steps.${i}.targets.${k}`}
                  users={users}
                  schedules={schedules}
                  error={error}
                  onChange={(next) => setStep(i, { ...s, targets: s.targets.map((x, m) => (m === k ? next : x)) })}
                  onRemove={() => setStep(i, { ...s, targets: s.targets.filter((_, m) => m !== k) })}
                />
              ))}
            </ul>
            <FieldError error={error} path={`steps.${i}.targets`} />
            <button type="button" className="secondary" onClick={() => setStep(i, { ...s, targets: [...s.targets, { type: 'user', id: '' }] })}>
              Add target to step {i + 1}
            </button>
          </div>
          <Field label={`Step ${i + 1}: minutes until the next step`} path={`steps.${i}.delayMinutes`} error={error}>
            {(props) => <input {...props} type="number" min={1} max={10080} step={1} inputMode="numeric" value={s.delayMinutes} onChange={(e) => setStep(i, { ...s, delayMinutes: e.target.value })} required />}
          </Field>
          <div className="row-controls">
            <button type="button" className="secondary" disabled={i === 0} onClick={() => onChange({ ...draft, steps: move(draft.steps, i, -1) })}>
              Move step {i + 1} up
            </button>
            <button type="button" className="secondary" disabled={i === draft.steps.length - 1} onClick={() => onChange({ ...draft, steps: move(draft.steps, i, 1) })}>
              Move step {i + 1} down
            </button>
            <button type="button" className="danger" onClick={() => onChange({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}>
              Remove step {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <FieldError error={error} path="steps" />
      <button type="button" className="secondary" onClick={() => onChange({ ...draft, steps: [...draft.steps, { delayMinutes: '15', targets: [{ type: 'user', id: '' }] }] })}>
        Add step
      </button>
      <Field label="Repeat all steps (extra passes after the last step, 0–9)" path="repeat" error={error}>
        {(props) => <input {...props} type="number" min={0} max={9} step={1} inputMode="numeric" value={draft.repeat} onChange={(e) => onChange({ ...draft, repeat: e.target.value })} required />}
      </Field>
    </>
  );
}
