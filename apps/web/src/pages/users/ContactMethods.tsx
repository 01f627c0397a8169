import { useState, type FormEvent } from 'react';
import {
  useAddContactMethod,
  useDeleteContactMethod,
  useSendTestPage,
  useSendVerification,
  useTestPageDelivery,
  useVerifyContactMethod,
  type ContactMethod as ContactMethodJson,
  type SentTestPage,
  type VerificationJson,
} from '../../api/contact-methods';
import { CopyButton } from '../../components/CopyButton';
import { Field, FormError } from '../../components/Form';
import { withoutDocReferences } from '../../lib/api-message';
import { formatDayTime, viewerZone } from '../../lib/time';
import { testPageStatus } from './test-page-status';

type MethodType = ContactMethodJson['type'];

const TYPES: { type: MethodType; label: string; placeholder: string; hint: string }[] = [
  { type: 'sms', label: 'SMS', placeholder: '+4915112345678', hint: 'An international number with + and the country code; it pages once verified.' },
  { type: 'voice', label: 'Voice call', placeholder: '+4915112345678', hint: 'An international number with + and the country code; it pages once verified.' },
  { type: 'slack', label: 'Slack direct message', placeholder: 'U024BE7LH', hint: 'Your Slack member id (profile → ⋮ → Copy member ID).' },
  { type: 'webhook', label: 'Webhook', placeholder: 'https://example.com/heinrich', hint: 'An https URL; Heinrich signs each POST (the secret is shown once).' },
  { type: 'log', label: 'Log (demo)', placeholder: 'my-laptop', hint: 'Pages are written to the log and the timeline only.' },
];

export const METHOD_LABEL: Record<MethodType, string> = Object.fromEntries(TYPES.map((t) => [t.type, t.label])) as Record<MethodType, string>;

export function methodName(m: ContactMethodJson): string {
  return `${METHOD_LABEL[m.type]}: ${m.value}`;
}

/** A user's contact methods: add, verify phones with the code sent, send a test page, delete. */
export function ContactMethods(props: { userId: string; methods: ContactMethodJson[] }) {
  const [type, setType] = useState<MethodType>('sms');
  const [value, setValue] = useState('');
  const addMethod = useAddContactMethod(props.userId);
  const removeMethod = useDeleteContactMethod(props.userId);
  // the last write's refusal, whichever it was
  const [lastWrite, setLastWrite] = useState<'add' | 'remove'>('add');
  const error = lastWrite === 'add' ? addMethod.error : removeMethod.error;
  const busy = addMethod.isPending;
  // the secret of a new webhook, shown once: the last successful add's answer
  const created = addMethod.data ?? null;
  const spec = TYPES.find((t) => t.type === type) ?? TYPES[0]!;

  function add(e: FormEvent) {
    e.preventDefault();
    setLastWrite('add');
    addMethod.mutate({ type, value }, { onSuccess: () => setValue('') });
  }

  function remove(m: ContactMethodJson) {
    if (!window.confirm(`Delete ${methodName(m)}? The notification rules that use it go with it.`)) return;
    setLastWrite('remove');
    removeMethod.mutate(m.id);
  }

  return (
    <>
      {created?.signingSecret ? (
        <div className="card secret-card" role="status">
          <p>Webhook signing secret (shown once): check <code>X-Heinrich-Signature</code> with it.</p>
          <div className="secret">
            <code aria-label="Signing secret">{created.signingSecret}</code>
            <CopyButton text={created.signingSecret} label="Copy signing secret" />
          </div>
        </div>
      ) : null}
      {created?.verification ? <VerificationNotice v={created.verification} /> : null}
      {props.methods.length === 0 ? <p className="muted">No contact methods: this person cannot be paged.</p> : null}
      <ul className="plain methods">
        {props.methods.map((m) => (
          <MethodItem key={m.id} userId={props.userId} method={m} onRemove={() => remove(m)} />
        ))}
      </ul>
      <form onSubmit={add} className="card" noValidate>
        <h3>Add a contact method</h3>
        <FormError error={error} shownPaths={['type', 'value']} />
        <Field label="Type" path="type" error={error}>
          {(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value as MethodType)}>
              {TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={type === 'sms' || type === 'voice' ? 'Phone number' : type === 'slack' ? 'Slack member id' : type === 'webhook' ? 'URL' : 'Label'} path="value" error={error} hint={spec.hint}>
          {(p) => (
            <input
              {...p}
              value={value}
              placeholder={spec.placeholder}
              inputMode={type === 'sms' || type === 'voice' ? 'tel' : undefined}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add contact method'}
        </button>
      </form>
    </>
  );
}

function VerificationNotice({ v }: { v: VerificationJson }) {
  if (v.status === 'not-needed') return null;
  return (
    <p className={v.status === 'sent' ? 'notice' : 'form-error'} role="status">
      {withoutDocReferences(v.message)}
    </p>
  );
}

function MethodItem(props: { userId: string; method: ContactMethodJson; onRemove(): void }) {
  const m = props.method;
  const [code, setCode] = useState('');
  const send = useSendVerification(props.userId, m.id);
  const check = useVerifyContactMethod(props.userId, m.id);
  const [lastWrite, setLastWrite] = useState<'send' | 'verify'>('send');
  const error = lastWrite === 'send' ? send.error : check.error;
  const sent = send.data ?? null;
  const needsVerification = (m.type === 'sms' || m.type === 'voice') && !m.verified;

  function sendCode() {
    setLastWrite('send');
    send.mutate();
  }
  function verify(e: FormEvent) {
    e.preventDefault();
    setLastWrite('verify');
    check.mutate(code, { onSuccess: () => setCode('') });
  }
  const codeId = `code-${m.id}`;
  return (
    <li className="method">
      <div className="row">
        <strong>{METHOD_LABEL[m.type]}</strong> <span>{m.value}</span>
        {m.type === 'sms' || m.type === 'voice' ? (
          <span className={`badge ${m.verified ? 'ok' : 'warn'}`}>{m.verified ? 'verified' : 'not verified: not paged'}</span>
        ) : null}
        {m.disabled ? <span className="badge warn">disabled: {m.disabledReason ?? 'replied STOP'}</span> : null}
        <span className="spacer" />
        <button type="button" className="small danger" onClick={props.onRemove} aria-label={`Delete ${methodName(m)}`}>
          Delete
        </button>
      </div>
      <LastDelivered at={m.lastDeliveredAt ?? null} />
      {needsVerification || m.disabled ? null : <TestPage userId={props.userId} method={m} />}
      {needsVerification ? (
        <form className="row verify" onSubmit={verify}>
          <button type="button" className="small" onClick={sendCode}>
            Send code
          </button>
          <label htmlFor={codeId} className="visually-hidden">
            Verification code for {m.value}
          </label>
          <input
            id={codeId}
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder="6-digit code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            style={{ maxWidth: '10rem' }}
          />
          <button type="submit" className="small primary" disabled={code.trim() === ''}>
            Verify
          </button>
        </form>
      ) : null}
      {sent ? <VerificationNotice v={sent} /> : null}
      {error ? <FormError error={error} /> : null}
    </li>
  );
}

/** "Last delivered: Mon 7 Dec, 09:12" in the viewer's zone: when anything (a page or a test page) last went out on this method. */
function LastDelivered({ at }: { at: string | null }) {
  return (
    <p className="hint last-delivered">
      {at ? (
        <>
          Last delivered: <time dateTime={at}>{formatDayTime(at, viewerZone())}</time>
        </>
      ) : (
        'Nothing delivered on this method yet.'
      )}
    </p>
  );
}

/**
 * "Send test page": a real page to this one method through the real provider
 * (one a minute), its delivery followed as it arrives: queued → sent →
 * delivered or failed, the failure in plain words.
 */
function TestPage(props: { userId: string; method: ContactMethodJson }) {
  const m = props.method;
  const send = useSendTestPage(props.userId, m.id);
  const [page, setPage] = useState<SentTestPage | null>(null);
  const delivery = useTestPageDelivery(props.userId, page);
  const status = page ? testPageStatus(delivery.data ?? null) : null;

  function sendTest() {
    send.mutate(undefined, { onSuccess: (p) => setPage({ ...p, sentAt: Date.now() }) });
  }
  return (
    <div className="row test-page">
      <button type="button" className="small" onClick={sendTest} disabled={send.isPending} aria-label={`Send test page to ${methodName(m)}`}>
        {send.isPending ? 'Sending…' : 'Send test page'}
      </button>
      {status && !send.isPending ? (
        <span className={`test-page-status ${status.tone}`} role="status" aria-live="polite">
          Test page: {status.text}
        </span>
      ) : null}
      {send.error ? <FormError error={send.error} /> : null}
    </div>
  );
}
