import { loadSlackIncident } from '@heinrich/db/slack/load-slack-incident';
import { loadSlackStorm } from '@heinrich/db/slack/load-slack-storm';
import { findActiveSilence } from '@heinrich/db/silences/find-active-silence';
import type { SlackIncidentView } from '@heinrich/providers/slack/incident-message';
import type { Context } from '../context';

/** How many of a storm's newest incidents its message lists. */
const LATEST_STORM_INCIDENTS = 5;

const VERB: Record<string, string> = { acknowledged: 'Acknowledged', resolved: 'Resolved', retriggered: 'Triggered again' };

/**
 * The incident as its Slack message shows it, read from Postgres, and the
 * timeline seq it reflects (what the message is "synced to"). null: no such incident.
 */
export async function loadSlackIncidentView(
  ctx: Pick<Context, 'db' | 'now'>,
  incidentId: string,
  publicUrl: string,
): Promise<{ view: SlackIncidentView; seq: string } | null> {
  const row = await loadSlackIncident(ctx.db.pool, incidentId);
  if (!row) return null;
  const silence = await findActiveSilence(ctx.db.pool, incidentId, ctx.now());
  // the storm page's message is its storm's message (docs/slack.md "Storms"): it reflects its incidents' entries too
  const storm = await loadSlackStorm(ctx.db.pool, incidentId, LATEST_STORM_INCIDENTS);
  const base = publicUrl.replace(/\/$/, '');
  const annotations = row.alert?.annotations ?? {};
  const labels = Object.keys(row.groupLabels).length > 0 ? row.groupLabels : (row.alert?.labels ?? {});
  const e = row.statusEvent;
  // the status line names the latest change, unless the incident has moved on since (e.g. retriggered after an ack)
  const current = e && (e.type === row.status || (e.type === 'retriggered' && row.status === 'triggered'));
  return {
    seq: storm && BigInt(storm.maxSeq) > BigInt(row.maxSeq) ? storm.maxSeq : row.maxSeq,
    view: {
      id: row.id,
      number: row.number,
      // it pages as the storm page, under the storm's title
      title: storm?.title ?? row.title,
      status: row.status,
      serviceName: row.serviceName,
      urgency: row.urgency,
      severity: row.severity,
      alerts: { firing: row.firing, total: row.total },
      labels,
      summary: annotations.summary ?? annotations.description ?? annotations.message ?? null,
      links: {
        incident: `${base}/incidents/${row.number}`,
        runbook: annotations.runbook_url ?? annotations.runbook ?? null,
        generator: row.alert?.generatorUrl ?? null,
        alertmanager: row.alertmanagerUrl ? `${row.alertmanagerUrl.replace(/\/$/, '')}/#/alerts` : null,
      },
      pagedNow: row.status === 'triggered' ? row.pagedNow : [],
      statusChange: current && e ? { verb: VERB[e.type] ?? e.type, by: e.actorName, via: e.via, at: e.at } : null,
      silence: silence ? { endsAt: silence.endsAt, by: silence.createdByName } : null,
      canSilence: row.alertmanagerUrl !== null && row.total > 0,
      storm: storm
        ? {
            title: storm.title,
            startedAt: storm.startedAt,
            endedAt: storm.endedAt,
            totals: storm.totals,
            counts: storm.counts,
            latest: storm.latest.map((i) => ({ ...i, link: `${base}/incidents/${i.number}` })),
            link: `${base}/storms/${storm.id}`,
          }
        : null,
      flapping: row.flapping,
    },
  };
}
