import type { ContactMethodJson, NotificationRuleJson } from '@heinrich/contracts/contact-methods';
import { useState, type FormEvent } from 'react';
import { useAddNotificationRule, useDeleteNotificationRule } from '../../api/notification-rules';
import { Field, FormError } from '../../components/Form';
import { notificationRuleWarnings } from '@heinrich/core/delivery/notification-rule-warnings';
import { methodName } from './ContactMethods';

/** Why a rule on `m` would send nothing yet, from what the browser knows of the method (the API adds provider set-up). */
function warningsFor(m: ContactMethodJson | undefined, urgency: 'any' | 'high' | 'low') {
  return m ? notificationRuleWarnings({ type: m.type, verified: m.verified, disabled: m.disabled }, urgency) : [];
}

const URGENCY_LABEL = { any: 'any urgency', high: 'high urgency', low: 'low urgency' } as const;

/** When a page reaches this person: which method, how many minutes after the page, for which urgency. */
export function NotificationRules(props: {
  userId: string;
  rules: NotificationRuleJson[];
  methods: ContactMethodJson[];
}) {
  const [contactMethodId, setMethod] = useState('');
  const [delay, setDelay] = useState('0');
  const [urgency, setUrgency] = useState<'any' | 'high' | 'low'>('any');
  const addRule = useAddNotificationRule(props.userId);
  const removeRule = useDeleteNotificationRule(props.userId);
  const [lastWrite, setLastWrite] = useState<'add' | 'remove'>('add');
  const error = lastWrite === 'add' ? addRule.error : removeRule.error;
  const busy = addRule.isPending;
  const byId = new Map(props.methods.map((m) => [m.id, m]));
  const chosen = contactMethodId || props.methods[0]?.id || '';
  const before = warningsFor(byId.get(chosen), urgency);
  // the API's warnings for the rule just added (they include providers this Heinrich lacks)
  const added = addRule.data && lastWrite === 'add' ? addRule.data : null;

  function add(e: FormEvent) {
    e.preventDefault();
    setLastWrite('add');
    const minutes = Number(delay);
    addRule.mutate({ contactMethodId: chosen, delayMinutes: delay.trim() !== '' && Number.isFinite(minutes) ? minutes : delay, urgency });
  }
  function remove(r: NotificationRuleJson) {
    setLastWrite('remove');
    removeRule.mutate(r.id);
  }
  return (
    <>
      {props.rules.length === 0 ? (
        <p className="muted">
          No notification rules: a page goes at once to this person&rsquo;s first usable contact method (Slack, SMS, webhook,
          voice call, then log), and the others are the fallback. Add a rule to choose the method and the delay.
        </p>
      ) : (
        <ul className="plain rules">
          {props.rules.map((r) => {
            const m = byId.get(r.contactMethodId);
            const text = `${r.delayMinutes === 0 ? 'Immediately' : `After ${r.delayMinutes} min`}: ${m ? methodName(m) : 'a deleted method'} (${URGENCY_LABEL[r.urgency]})`;
            const warnings = warningsFor(m, r.urgency);
            return (
              <li key={r.id} className="row rule">
                <span>
                  {text}
                  {warnings.length > 0 ? <span className="rule-warning"> ⚠ {warnings.map((w) => w.message).join(' ')}</span> : null}
                </span>
                <span className="spacer" />
                <button type="button" className="small danger" onClick={() => remove(r)} aria-label={`Delete rule: ${text}`}>
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {props.methods.length === 0 ? (
        <p className="hint">Add a contact method first.</p>
      ) : (
        <form onSubmit={add} className="card" noValidate>
          <h3>Add a notification rule</h3>
          <FormError error={error} shownPaths={['contactMethodId', 'delayMinutes', 'urgency']} />
          <Field label="Contact method" path="contactMethodId" error={error}>
            {(p) => (
              <select {...p} value={chosen} onChange={(e) => setMethod(e.target.value)}>
                {props.methods.map((m) => (
                  <option key={m.id} value={m.id}>
                    {methodName(m)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Minutes after the page" path="delayMinutes" error={error} hint="0 = at once; up to 1440">
            {(p) => <input {...p} inputMode="numeric" value={delay} onChange={(e) => setDelay(e.target.value)} />}
          </Field>
          <Field label="For incidents of urgency" path="urgency" error={error}>
            {(p) => (
              <select {...p} value={urgency} onChange={(e) => setUrgency(e.target.value as 'any' | 'high' | 'low')}>
                <option value="any">Any</option>
                <option value="high">High only</option>
                <option value="low">Low only</option>
              </select>
            )}
          </Field>
          {before.length > 0 ? (
            <div className="warning-banner" role="status" aria-label="Before you add this rule">
              {before.map((w) => (
                <p key={w.message}>{w.message}</p>
              ))}
              <p>The rule is kept all the same, and works once this is fixed.</p>
            </div>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Adding…' : before.length > 0 ? 'Add rule anyway' : 'Add rule'}
          </button>
          {added && added.warnings.length > 0 ? (
            <div className="warning-banner" role="status" aria-label="The rule was added, but">
              <p>
                <strong>Rule added, but:</strong>
              </p>
              {added.warnings.map((w) => (
                <p key={w.message}>{w.message}</p>
              ))}
            </div>
          ) : null}
        </form>
      )}
    </>
  );
}
