import { loadSlackIncident } from '@heinrich/db/slack/load-slack-incident';
import { findActiveSilence } from '@heinrich/db/silences/find-active-silence';
import type { SlackIncidentView } from '@heinrich/providers/slack/incident-message';
import type { Context } from '../context';

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
  const annotations = row.alert?.annotations ?? {};
  const labels = Object.keys(row.groupLabels).length > 0 ? row.groupLabels : (row.alert?.labels ?? {});
  const e = row.statusEvent;
  // the status line names the latest change, unless the incident has moved on since (e.g. retriggered after an ack)
  const current = e && (e.type === row.status || (e.type === 'retriggered' && row.status === 'triggered'));
  return {
    seq: row.maxSeq,
    view: {
      id: row.id,
      number: row.number,
      title: row.title,
      status: row.status,
      serviceName: row.serviceName,
      urgency: row.urgency,
      severity: row.severity,
      alerts: { firing: row.firing, total: row.total },
      labels,
      summary: annotations.summary ?? annotations.description ?? annotations.message ?? null,
      links: {
        incident: `${publicUrl.replace(/\/$/, '')}/incidents/${row.number}`,
        runbook: annotations.runbook_url ?? annotations.runbook ?? null,
        generator: row.alert?.generatorUrl ?? null,
        alertmanager: row.alertmanagerUrl ? `${row.alertmanagerUrl.replace(/\/$/, '')}/#/alerts` : null,
      },
      pagedNow: row.status === 'triggered' ? row.pagedNow : [],
      statusChange: current && e ? { verb: VERB[e.type] ?? e.type, by: e.actorName, via: e.via, at: e.at } : null,
      silence: silence ? { endsAt: silence.endsAt, by: silence.createdByName } : null,
      canSilence: row.alertmanagerUrl !== null && row.total > 0,
      flapping: row.flapping,
    },
  };
}
