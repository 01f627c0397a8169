import { useState, type FormEvent } from 'react';
import type { AlertRulesJson } from '@heinrich/contracts/alert-rules';
import { useAlertRules, useSaveAlertRules } from '../../api/alert-rules';
import { FormError } from '../../components/Form';
import { bodyOf, draftOf, emptyRule, move, summarize, type AlertRuleDraft } from './alert-rule-draft';
import { TimeZonePicker } from '../../components/TimeZonePicker';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * A service's alert rules (docs/alert-rules.md): the ordered list (every
 * matching rule applies, top to bottom, until one says stop), reordered with
 * up/down, edited in place and saved as a whole (PUT); the API's 400 names
 * the field (`rules.1.matchers.0`), shown under the form.
 */
export function AlertRules({ serviceId, mayEdit }: { serviceId: string; mayEdit: boolean }) {
  const list = useAlertRules(serviceId);
  if (!list.data) return list.error ? <FormError error={list.error} /> : <p>Loading…</p>;
  return <AlertRulesEditor serviceId={serviceId} mayEdit={mayEdit} stored={list.data.rules} />;
}

function AlertRulesEditor({ serviceId, mayEdit, stored }: { serviceId: string; mayEdit: boolean; stored: AlertRulesJson['rules'] }) {
  const save = useSaveAlertRules(serviceId);
  // the editor's copy, from the rules as loaded; a save replaces it with the stored answer
  const [drafts, setDrafts] = useState<AlertRuleDraft[]>(() => stored.map(draftOf));
  const [open, setOpen] = useState<number | null>(null);
  const dirty = JSON.stringify(drafts.map((d) => bodyOf(d))) !== JSON.stringify(stored.map((r) => bodyOf(draftOf(r), r)));

  const change = (i: number, patch: Partial<AlertRuleDraft>) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  function submit(e: FormEvent) {
    e.preventDefault();
    const byId = new Map(stored.map((r) => [r.id, r]));
    save.mutate(
      drafts.map((d) => bodyOf(d, d.id ? byId.get(d.id) : undefined)),
      { onSuccess: (answer) => { setDrafts(answer.rules.map(draftOf)); setOpen(null); } },
    );
  }

  return (
    <form onSubmit={submit} aria-label="Alert rules">
      <p className="hint">Applied in order to each new alert; every matching rule applies until one says stop.</p>
      {drafts.length === 0 ? <p>No alert rules: alerts page as they come.</p> : null}
      <ol className="alert-rules">
        {drafts.map((d, i) => (
          <li key={d.id ?? `new-${i}`} data-testid="alert-rule">
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
            {open === i ? <RuleEditor draft={d} index={i} onChange={(p) => change(i, p)} /> : null}
          </li>
        ))}
      </ol>
      <FormError error={save.error} />
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

function RuleEditor({ draft: d, index, onChange }: { draft: AlertRuleDraft; index: number; onChange: (patch: Partial<AlertRuleDraft>) => void }) {
  const id = (f: string) => `rule-${index}-${f}`;
  return (
    <fieldset className="stack">
      <label htmlFor={id('name')}>Name</label>
      <input id={id('name')} value={d.name} onChange={(e) => onChange({ name: e.target.value })} />
      <label htmlFor={id('matchers')}>Label matchers (one a line, Alertmanager syntax: severity="warning", namespace=~"batch-.*")</label>
      <textarea id={id('matchers')} rows={2} value={d.matchers} onChange={(e) => onChange({ matchers: e.target.value })} />
      <label htmlFor={id('annotationMatchers')}>Annotation matchers (one a line: summary=~".*disk.*")</label>
      <textarea id={id('annotationMatchers')} rows={1} value={d.annotationMatchers} onChange={(e) => onChange({ annotationMatchers: e.target.value })} />
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
      <label htmlFor={id('urgency')}>Set urgency</label>
      <select id={id('urgency')} value={d.urgency} onChange={(e) => onChange({ urgency: e.target.value as AlertRuleDraft['urgency'] })}>
        <option value="">(unchanged)</option>
        <option value="high">high</option>
        <option value="low">low (no phone calls, first step only)</option>
      </select>
      <label htmlFor={id('severity')}>Set severity</label>
      <input id={id('severity')} value={d.severity} placeholder="(unchanged)" onChange={(e) => onChange({ severity: e.target.value })} />
      <label htmlFor={id('labels')}>Add or rewrite labels (name=value a line; an empty value removes)</label>
      <textarea id={id('labels')} rows={1} value={d.labels} onChange={(e) => onChange({ labels: e.target.value })} />
      <label htmlFor={id('annotations')}>Add or rewrite annotations (runbook_url=https://…/{'{{ labels.alertname }}'})</label>
      <textarea id={id('annotations')} rows={1} value={d.annotations} onChange={(e) => onChange({ annotations: e.target.value })} />
      <label>
        <input type="checkbox" checked={d.suppress} onChange={(e) => onChange({ suppress: e.target.checked })} /> Suppress: store, page no one
      </label>
      <label>
        <input type="checkbox" checked={d.stop} onChange={(e) => onChange({ stop: e.target.checked })} /> Stop: later rules are not evaluated
      </label>
    </fieldset>
  );
}
