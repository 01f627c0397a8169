import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { decideProbePass, type ProbeVerdict } from '@heinrich/core/probe/decide-probe-pass';
import { probeDedupKey } from '@heinrich/core/probe/probe-dedup-key';
import { ensureProbeRows } from '@heinrich/db/probe/ensure-probe';
import { finishProbeRun, insertProbeRun, listUnresolvedProbeRuns, loadProbeRuns, markProbeRunResolved } from '@heinrich/db/probe/probe-runs';
import { withTransaction } from '@heinrich/db/with-transaction';
import { sendProbeEvent } from '@heinrich/providers/probe/send-probe-event';
import type { Context } from '../context';

export interface ProbeSettings {
  /** the api's URL (PUBLIC_URL): the alert goes to its ingest, the webhook comes back to it */
  apiUrl: string;
  intervalMs: number;
  timeoutMs: number;
}

export interface ProbePassOutcome {
  /** runs judged in this pass */
  finished: ProbeVerdict[];
  /** a new run was sent (its alert answered 2xx) */
  started: boolean;
}

/** Where the probe webhook arrives (receive-probe-webhook.ts). */
export const PROBE_WEBHOOK_PATH = '/api/v1/probe/deliveries';
/** Resolves sent per pass: a backlog after an outage drains over a few passes. */
const RESOLVES_PER_PASS = 20;

/**
 * One pass of the synthetic probe (docs/monitoring.md "Synthetic probe"):
 * under the probe's advisory lock (one worker at a time, however many run) the
 * probe's rows are made sure of, the pending runs judged and, when one is
 * due, a new run recorded; after commit its alert is sent to the api's ingest
 * over HTTP (an answer other than 2xx fails the run at once), and the alerts of
 * judged runs are sent resolved, so probe incidents don't pile up. The round
 * trip ends when the probe webhook reaches an api (any replica: it is recorded
 * in Postgres), so every worker's /metrics tells the same last success.
 */
export async function runProbePass(ctx: Pick<Context, 'db' | 'now' | 'logger'>, settings: ProbeSettings): Promise<ProbePassOutcome> {
  const now = ctx.now();
  const ingestSecret = `hk_${randomBytes(24).toString('base64url')}`;
  const { setup, decision, runId } = await withTransaction(
    ctx.db,
    async (tx) => {
      const setup = await ensureProbeRows(tx, {
        webhookUrl: new URL(PROBE_WEBHOOK_PATH, settings.apiUrl).toString(),
        signingSecret: `whsec_${randomBytes(32).toString('base64url')}`,
        ingestSecret,
        secretHash: sha256Hex(ingestSecret),
        secretPrefix: ingestSecret.slice(0, 8),
      });
      const runs = await loadProbeRuns(tx);
      const decision = decideProbePass({ now, intervalMs: settings.intervalMs, timeoutMs: settings.timeoutMs, ...runs });
      for (const v of decision.finish) await finishProbeRun(tx, v.id, v.outcome, now, v.outcome === 'failed' ? v.reason : null);
      const runId = decision.start ? await insertProbeRun(tx, now) : null;
      return { setup, decision, runId };
    },
    { locks: ['heinrich:probe'] },
  );
  const finished = [...decision.finish];
  let started = false;
  const send = (id: string, action: 'trigger' | 'resolve') =>
    sendProbeEvent({ apiUrl: settings.apiUrl, routingKey: setup.ingestSecret, dedupKey: probeDedupKey(id), action, timeoutMs: Math.min(settings.timeoutMs, 30_000) });
  if (runId) {
    const sent = await send(runId, 'trigger');
    if (sent.ok) started = true;
    else {
      await finishProbeRun(ctx.db.pool, runId, 'failed', ctx.now(), sent.error);
      finished.push({ id: runId, outcome: 'failed', reason: sent.error });
    }
  }
  for (const id of await listUnresolvedProbeRuns(ctx.db.pool, RESOLVES_PER_PASS)) {
    const resolved = await send(id, 'resolve');
    if (!resolved.ok) {
      // the next pass tries again
      ctx.logger.warn({ runId: id, error: resolved.error }, 'probe alert could not be resolved');
      break;
    }
    await markProbeRunResolved(ctx.db.pool, id, ctx.now());
  }
  return { finished, started };
}
