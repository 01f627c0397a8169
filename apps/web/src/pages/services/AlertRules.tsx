import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { AlertRulesJson } from '@heinrich/contracts/alert-rules';
import { useAlertRules, useSaveAlertRules } from '../../api/alert-rules';
import type { ApiError, FieldProblem } from '../../api/client';
import { FormError } from '../../components/Form';
import { plainMessage } from '../../components/plain-message';
import { bodyOf, draftOf, emptyRule, move, summarize, type AlertRuleDraft } from './alert-rule-draft';
import { TimeZonePicker } from '../../components/TimeZonePicker';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

type RuleJson = AlertRulesJson['rules'][number];

/** Saving the whole list (PUT): a service's or a routing integration's rules mutation. */
export interface SaveAlertRules {
  mutate: (rules: unknown[], options: { onSuccess: (answer: { rules: RuleJson[] }) => void }) => void;
  error: ApiError | null;
  isPending: boolean;
  isSuccess: boolean;
}

/**
 * A service's alert rules (docs/alert-rules.md): the ordered list (every
 * matching rule applies, top to bottom, until one says stop), reordered with
 * up/down, edited in place and saved as a whole (PUT); the API's 400 names
 * the field (`rules.1.matchers.0`), shown in plain words under that field.
 */
export function AlertRules({ serviceId, mayEdit }: { serviceId: string; mayEdit: boolean }) {
  const list = useAlertRules(serviceId);
  const save = useSaveAlertRules(serviceId);
  if (!list.data) return list.error ? <FormError error={list.error} /> : <p>Loading…</p>;
  return <AlertRulesEditor mayEdit={mayEdit} stored={list.data.rules} save={save} />;
}

/**
 * The editor of an ordered list of alert rules, for a service (above) or a
 * routing integration (pages/routing): `stored` the rules as loaded, `save`
 * the PUT; `services` offers "Route to service" (a routing integration's
 * rules); `onChange` hears the rules as edited (request bodies, unsaved);
 * `problems` are more refusals naming the rules under `prefix` (the routing
 * preview's `alertRules.1.matchers.0`), shown under their rule like a save's.
 */
export function AlertRulesEditor({
  mayEdit,
  stored,
  save,
  services,
  onChange,
  problems = [],
}: {
  mayEdit: boolean;
  stored: RuleJson[];
  save: SaveAlertRules;
  services?: { id: string; name: string }[];
  onChange?: (rules: Record<string, unknown>[]) => void;
  problems?: { error: ApiError | null | undefined; prefix: string }[];
}) {
  const idBase = useId();
  // the editor's copy, from the rules as loaded; a save replaces it with the stored answer
  const [drafts, setDrafts] = useState<AlertRuleDraft[]>(() => stored.map(draftOf));
  const [open, setOpen] = useState<number | null>(null);
  const bodies = drafts.map((d) => bodyOf(d));
  const bodiesText = JSON.stringify(bodies);
  const dirty = bodiesText !== JSON.stringify(stored.map((r) => bodyOf(draftOf(r))));
  useEffect(() => {
    onChange?.(JSON.parse(bodiesText) as Record<string, unknown>[]);
  }, [bodiesText, onChange]);

  // every refusal's problems by rule: `rules.1.matchers.0` → rule 1, `matchers.0`
  const refusals = [{ error: save.error, prefix: 'rules' }, ...problems];
  const ruleProblems = (i: number): FieldProblem[] =>
    refusals.flatMap(({ error, prefix }) =>
      (error?.fields ?? []).filter((f) => f.path === `${prefix}.${i}` || f.path.startsWith(`${prefix}.${i}.`)).map((f) => ({ ...f, path: f.path.slice(`${prefix}.${i}`.length + 1) })),
    );
  const shownPaths = drafts.map((_, i) => `rules.${i}`);
  // the other refusals' problems of the list as a whole (`alertRules`: too many rules): under the list
  const ofList = problems.flatMap(({ error, prefix }) => (error?.fields ?? []).filter((f) => f.path === prefix || (f.path.startsWith(`${prefix}.`) && !/^\d+$/.test(f.path.slice(prefix.length + 1).split('.')[0]!))));

  const change = (i: number, patch: Partial<AlertRuleDraft>) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(bodies, { onSuccess: (answer) => { setDrafts(answer.rules.map(draftOf)); setOpen(null); } });
  }

  return (
    <form onSubmit={submit} aria-label="Alert rules" noValidate>
      <p className="hint">Applied in order to each new alert; every matching rule applies until one says stop.</p>
      {drafts.length === 0 ? <p>No alert rules: alerts page as they come.</p> : null}
      <ol className="alert-rules">
        {drafts.map((d, i) => {
          const here = ruleProblems(i);
          const claimed = open === i ? here.filter((f) => FIELDS.some((field) => owns(field, f.path))) : [];
          const rest = here.filter((f) => !claimed.includes(f));
          return (
            <li key={d.id ?? `new-${i}`} data-testid="alert-rule" aria-label={`Rule ${i + 1}`}>
              <div className="row">
                <strong>{d.name || '(unnamed)'}</strong>
                <span className="hint">{summarize(d)}</span>
                <span className="spacer" />
                {mayEdit ? (
                  <>
                    <button type="button" className="small" aria-label={`Move ${d.name} up`} disabled={i === 0} onClick={() => setDrafts(move(drafts, i, -1))}>
                      ↑
                    </button>
                    <button type="button" className="small" aria-label={`Move ${d.name} down`} disabled={i === drafts.length - 1} onClick={() => setDrafts(move(drafts, i, 1))}>
                      ↓
                    </button>
                    <button type="button" className="small" onClick={() => setOpen(open === i ? null : i)}>
                      {open === i ? 'Close' : 'Edit'}
                    </button>
                    <button type="button" className="small danger" onClick={() => { setDrafts(drafts.filter((_, j) => j !== i)); setOpen(null); }}>
                      Remove
                    </button>
                  </>
                ) : null}
              </div>
              {rest.length > 0 ? <Problems problems={rest} /> : null}
              {open === i ? <RuleEditor draft={d} idBase={`${idBase}-${i}`} problems={claimed} services={services} onChange={(p) => change(i, p)} /> : null}
            </li>
          );
        })}
      </ol>
      {ofList.length > 0 ? <Problems problems={ofList} /> : null}
      <FormError error={save.error} shownPaths={shownPaths} />
      {mayEdit ? (
        <div className="row">
          <button type="button" onClick={() => { setDrafts([...drafts, emptyRule()]); setOpen(drafts.length); }}>
            Add rule
          </button>
          <span className="spacer" />
          <button type="submit" disabled={!dirty || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save rules'}
          </button>
        </div>
      ) : null}
      {save.isSuccess && !dirty ? (
        <p className="notice" role="status">
          Rules saved.
        </p>
      ) : null}
    </form>
  );
}

/** The rule's fields that show their own problems (a path under one: `matchers.0`, `time.timeZone`, `actions.labels.team`). */
const FIELDS = ['name', 'matchers', 'annotationMatchers', 'time', 'actions.urgency', 'actions.severity', 'actions.labels', 'actions.annotations', 'actions.suppress', 'actions.routeToServiceId', 'stop'];
const owns = (field: string, path: string) => path === field || path.startsWith(`${field}.`);

/** A rule's or field's problems in plain words, each once (saving and the preview refuse the same rule alike). */
function Problems({ problems }: { problems: FieldProblem[] }) {
  const texts = [...new Set(problems.map((f) => plainMessage(f.path, f.message)))];
  return (
    <ul className="field-error" role="alert">
      {texts.map((t) => (
        <li key={t}>{t}</li>
      ))}
    </ul>
  );
}

function RuleEditor({
  draft: d,
  idBase,
  problems,
  services,
  onChange,
}: {
  draft: AlertRuleDraft;
  idBase: string;
  problems: FieldProblem[];
  services: { id: string; name: string }[] | undefined;
  onChange: (patch: Partial<AlertRuleDraft>) => void;
}) {
  const id = (f: string) => `${idBase}-${f}`;
  // the problems of one field, under it
  const at = (field: string): ReactNode => {
    const mine = problems.filter((f) => owns(field, f.path));
    return mine.length > 0 ? <Problems problems={mine} /> : null;
  };
  return (
    <fieldset className="stack">
      <label htmlFor={id('name')}>Name</label>
      <input id={id('name')} value={d.name} onChange={(e) => onChange({ name: e.target.value })} />
      {at('name')}
      <label htmlFor={id('matchers')}>Label matchers (one a line, Alertmanager syntax: severity="warning", namespace=~"batch-.*")</label>
      <textarea id={id('matchers')} rows={2} value={d.matchers} onChange={(e) => onChange({ matchers: e.target.value })} />
      {at('matchers')}
      <label htmlFor={id('annotationMatchers')}>Annotation matchers (one a line: summary=~".*disk.*")</label>
      <textarea id={id('annotationMatchers')} rows={1} value={d.annotationMatchers} onChange={(e) => onChange({ annotationMatchers: e.target.value })} />
      {at('annotationMatchers')}
      <label>
        <input type="checkbox" checked={d.timed} onChange={(e) => onChange({ timed: e.target.checked })} /> Only at certain times
      </label>
      {d.timed ? (
        <div className="row">
          {WEEKDAYS.map((w) => (
            <label key={w}>
              <input
                type="checkbox"
                checked={d.weekdays.includes(w)}
                onChange={(e) => onChange({ weekdays: e.target.checked ? WEEKDAYS.filter((x) => x === w || d.weekdays.includes(x)) : d.weekdays.filter((x) => x !== w) })}
              />{' '}
              {w.slice(0, 3)}
            </label>
          ))}
          <label htmlFor={id('start')}>from</label>
          <input id={id('start')} value={d.startTime} size={5} onChange={(e) => onChange({ startTime: e.target.value })} />
          <label htmlFor={id('end')}>to</label>
          <input id={id('end')} value={d.endTime} size={5} onChange={(e) => onChange({ endTime: e.target.value })} />
          <label htmlFor={id('zone')}>in</label>
          <TimeZonePicker id={id('zone')} value={d.timeZone} onChange={(timeZone) => onChange({ timeZone })} />
          <label>
            <input type="checkbox" checked={d.outside} onChange={(e) => onChange({ outside: e.target.checked })} /> outside these hours
          </label>
        </div>
      ) : null}
      {at('time')}
      <label htmlFor={id('urgency')}>Set urgency</label>
      <select id={id('urgency')} value={d.urgency} onChange={(e) => onChange({ urgency: e.target.value as AlertRuleDraft['urgency'] })}>
        <option value="">(unchanged)</option>
        <option value="high">high</option>
        <option value="low">low (no phone calls, first step only)</option>
      </select>
      {at('actions.urgency')}
      <label htmlFor={id('severity')}>Set severity</label>
      <input id={id('severity')} value={d.severity} placeholder="(unchanged)" onChange={(e) => onChange({ severity: e.target.value })} />
      {at('actions.severity')}
      <label htmlFor={id('labels')}>Add or rewrite labels (name=value a line; an empty value removes)</label>
      <textarea id={id('labels')} rows={1} value={d.labels} onChange={(e) => onChange({ labels: e.target.value })} />
      {at('actions.labels')}
      <label htmlFor={id('annotations')}>Add or rewrite annotations (runbook_url=https://…/{'{{ labels.alertname }}'})</label>
      <textarea id={id('annotations')} rows={1} value={d.annotations} onChange={(e) => onChange({ annotations: e.target.value })} />
      {at('actions.annotations')}
      <label>
        <input type="checkbox" checked={d.suppress} onChange={(e) => onChange({ suppress: e.target.checked })} /> Suppress: store, page no one
      </label>
      {at('actions.suppress')}
      {services ? (
        <>
          <label htmlFor={id('route')}>Route to service (the routes are not consulted)</label>
          <select id={id('route')} value={d.routeToServiceId} onChange={(e) => onChange({ routeToServiceId: e.target.value })}>
            <option value="">(no: on to the routes)</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {at('actions.routeToServiceId')}
        </>
      ) : null}
      <label>
        <input type="checkbox" checked={d.stop} onChange={(e) => onChange({ stop: e.target.checked })} /> Stop: later rules are not evaluated
      </label>
      {at('stop')}
    </fieldset>
  );
}
