import { AppError } from '@heinrich/core/app-error';
import { probeRunIdOfGroupKey } from '@heinrich/core/probe/probe-dedup-key';
import { findProbeSigningSecret } from '@heinrich/db/probe/ensure-probe';
import { findProbeIncidentGroupKey, setProbeRunReceived } from '@heinrich/db/probe/probe-runs';
import { verifyWebhookSignature } from '@heinrich/providers/verify-webhook-signature';
import type { Context } from '../context';

/**
 * The probe webhook came back (POST /api/v1/probe/deliveries): the page the
 * probe's escalation sent to the probe user's webhook contact method. It is
 * authenticated by its X-Heinrich-Signature with that method's signing secret
 * (401 otherwise, also while there is no probe); the run its incident's group
 * key names records the arrival (the first one: a repeated delivery changes
 * nothing). A page about any other incident is acknowledged and ignored.
 */
export async function receiveProbeWebhook(
  ctx: Pick<Context, 'db' | 'now'>,
  input: { signature: string | undefined; rawBody: string; /** the page's incident id, read (validated) only once the signature holds */ incidentId: () => string },
): Promise<{ recorded: boolean }> {
  const secret = await findProbeSigningSecret(ctx.db.pool);
  const check = secret ? verifyWebhookSignature(secret, input.signature, input.rawBody, ctx.now()) : { ok: false as const, reason: 'there is no probe' };
  if (!check.ok) throw new AppError('unauthenticated', `Probe webhook refused: ${check.reason}`);
  const incidentId = input.incidentId();
  const groupKey = await findProbeIncidentGroupKey(ctx.db.pool, incidentId);
  const runId = groupKey ? probeRunIdOfGroupKey(groupKey) : undefined;
  if (!runId) return { recorded: false };
  return { recorded: await setProbeRunReceived(ctx.db.pool, runId, incidentId, ctx.now()) };
}
