import { AppError } from '@heinrich/core/app-error';
import type { IncidentRef } from '@heinrich/usecases/incidents/find-incident';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** incidents.number is a Postgres integer */
const MAX_NUMBER = 2_147_483_647;

/**
 * `{id}` in incident paths: the UUID or the short number (`/incidents/42` is
 * #42). Anything else cannot name an incident: 404, like an unknown one.
 */
export function parseIncidentRef(value: unknown): IncidentRef {
  const text = String(value);
  if (UUID.test(text)) return { id: text.toLowerCase() };
  if (/^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_NUMBER) return { number: Number(text) };
  throw AppError.notFound('Incident', text);
}
