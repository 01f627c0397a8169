import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { FieldError, fieldErrorId, fieldMessages } from './FieldError';
import { owns, plainGeneralMessage, plainMessage } from './plain-message';

/** Field paths that some <FieldError> on the form shows (so FormError does not repeat them). */
export type ShownPaths = readonly string[];

/**
 * The general message of a failed request, above or below the form: only what
 * no field of the form shows (a 403 says who may do this; a conflict; a field
 * problem no field owns, in plain words). A refusal whose every problem sits
 * under its field shows no banner at all, so nothing is said twice.
 */
export function FormError({ error, shownPaths = [] }: { error: ApiError | null | undefined; shownPaths?: ShownPaths }) {
  if (!error) return null;
  const unshown = error.fields.filter((f) => !shownPaths.some((p) => owns(p, f)));
  const isValidation = error.code === 'validation_failed' && error.fields.length > 0;
  if (isValidation && unshown.length === 0) return null;
  const general = isValidation ? (error.fields.length === unshown.length ? null : 'Check the fields marked below. Also:') : plainGeneralMessage(error);
  return (
    <div className={`form-error${error.status === 403 ? ' forbidden' : ''}`} role="alert">
      {general !== null ? (
        <p>
          {error.status === 403 ? <strong>Not allowed: </strong> : null}
          {general}
        </p>
      ) : null}
      {isValidation && unshown.length > 0 && (
        <ul>
          {unshown.map((f) => (
            <li key={f.path + f.message}>{plainMessage(f.path, f.message)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What <Field> hands its control: the id its label points at, and the ARIA ties to its hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field with the API's error for `path` under it:
 * `<Field label="Name" path="name" error={err}>{(props) => <input {...props} />}</Field>`.
 * The render prop receives id / aria-invalid / aria-describedby for the control.
 */
export function Field({
  label,
  path,
  error,
  hint,
  id: givenId,
  children,
}: {
  label: ReactNode;
  path: string;
  /** the control's id, when another form on the page has a field of the same path */
  id?: string;
  error: ApiError | null | undefined;
  hint?: ReactNode;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = givenId ?? `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const invalid = fieldMessages(error, path).length > 0;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [invalid ? fieldErrorId(path) : undefined, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': invalid, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError error={error} path={path} />
    </div>
  );
}
