import { useState } from 'react';
import { api, asApiError, type ApiError } from '../../api/client';
import { FormError } from '../../components/Form';

/**
 * Delete with a second, explicit confirmation in the page (no browser dialog):
 * "Delete schedule X" -> "Yes, delete" / "Keep it". The API's refusal (a 409
 * naming the policies or services that still use it, a 403) shows in place.
 */
export function DeleteButton({ what, name, path, onDeleted }: { what: string; name: string; path: string; onDeleted: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api.del(path);
      onDeleted();
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <div className="delete-box">
      {asking ? (
        <div role="group" aria-label={`Confirm deleting ${what} ${name}`} className="row-controls">
          <p>
            Delete {what} <strong>{name}</strong>? This cannot be undone.
          </p>
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
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
