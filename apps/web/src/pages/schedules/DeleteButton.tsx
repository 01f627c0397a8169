import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { FormError } from '../../components/Form';

/**
 * Delete with a second, explicit confirmation in the page (no browser dialog):
 * "Delete schedule X" -> "Yes, delete" / "Keep it". The API's refusal (a 409
 * naming the policies or services that still use it, a 403) shows in place.
 */
export function DeleteButton({
  what,
  name,
  mutation,
  onDeleted,
}: {
  what: string;
  name: string;
  /** the resource's delete (useDeleteSchedule, useDeletePolicy) */
  mutation: UseMutationResult<unknown, ApiError, void>;
  onDeleted: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const busy = mutation.isPending || mutation.isSuccess;
  const error = mutation.error;

  function remove() {
    mutation.mutate(undefined, { onSuccess: onDeleted, onError: () => setAsking(false) });
  }

  return (
    <div className="delete-box">
      {asking ? (
        <div role="group" aria-label={`Confirm deleting ${what} ${name}`} className="row-controls">
          <p>
            Delete {what} <strong>{name}</strong>? This cannot be undone.
          </p>
          <button type="button" className="danger" disabled={busy} onClick={remove}>
            {busy ? 'Deleting…' : `Yes, delete ${what}`}
          </button>
          <button type="button" onClick={() => setAsking(false)} disabled={busy}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          Delete {what}
        </button>
      )}
      <FormError error={error} />
    </div>
  );
}
