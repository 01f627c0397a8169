import type { IncidentEventDraft } from '@heinrich/core/incidents/incident-event-catalog';
import type pg from 'pg';
import type { EscalationChange } from './update-escalation';

export interface NewNotification {
  userId: string;
  cycle: number;
  step: number;
  /** why this person: core PageReason[] */
  reason: unknown;
  allowVoice: boolean;
}

export interface EscalationDecisionWrite {
  incidentId: string;
  /** ON CONFLICT DO NOTHING on (incident_id, user_id, cycle, step): a page decided twice is written once */
  pages: NewNotification[];
  /** timeline entries, in order (seq follows the array) */
  events: (IncidentEventDraft & { message: string; actor: string | null; via: string | null })[];
  state: EscalationChange;
  /** Slack channel ids to post the incident in (slack_messages, ON CONFLICT DO NOTHING: once per incident and channel) */
  slackChannels?: string[];
}

/** Only in the statement when there are channels: the insert's statement trigger wakes the Slack sync (NOTIFY) */
const SLACK_POSTS = `, slack AS (
       INSERT INTO slack_messages (id, incident_id, kind, target, key, created_at, updated_at)
       SELECT gen_random_uuid(), $1, 'channel', c, 'channel:' || c, $11, $11 FROM unnest($12::text[]) AS c
       ON CONFLICT (incident_id, key) DO NOTHING
     )`;

/**
 * Everything a step decision writes, in ONE statement (the engine's hot path:
 * a round trip each would dominate): the pages, the timeline entries, the Slack
 * channel posts and the escalation's new state. The caller holds the row lock (lockEscalation).
 * Returns how many pages were written (the others existed).
 */
export async function writeEscalationDecision(client: pg.PoolClient, w: EscalationDecisionWrite): Promise<number> {
  const s = w.state;
  const slackChannels = [...new Set(w.slackChannels ?? [])];
  const r = await client.query<{ written: number }>(
    `WITH pages AS (
       INSERT INTO notifications (id, incident_id, user_id, cycle, step, reason, allow_voice, created_at, updated_at)
       SELECT gen_random_uuid(), $1, t.user_id, t.cycle, t.step, t.reason, t.allow_voice, $11, $11
         FROM jsonb_to_recordset($2::jsonb) AS t(user_id uuid, cycle int, step int, reason jsonb, allow_voice boolean)
       ON CONFLICT (incident_id, user_id, cycle, step) DO NOTHING
       RETURNING 1
     ), events AS (
       INSERT INTO incident_events (id, incident_id, type, message, actor, via, data)
       SELECT gen_random_uuid(), $1, t.type, t.message, t.actor, t.via, t.data
         FROM jsonb_to_recordset($3::jsonb) AS t(n int, type text, message text, actor text, via text, data jsonb)
        ORDER BY t.n
     )${slackChannels.length > 0 ? SLACK_POSTS : ''}, state AS (
       UPDATE incident_escalations
          SET base_cycle = $4, cycle = $5, step = $6, generation = $7, status = $8::escalation_status, next_due_at = $9, updated_at = $10
        WHERE incident_id = $1
     )
     SELECT count(*)::int AS written FROM pages`,
    [
      w.incidentId,
      JSON.stringify(w.pages.map((p) => ({ user_id: p.userId, cycle: p.cycle, step: p.step, reason: p.reason, allow_voice: p.allowVoice }))),
      JSON.stringify(w.events.map((e, n) => ({ n, ...e, data: e.data ?? {} }))),
      s.baseCycle,
      s.cycle,
      s.step,
      s.generation,
      s.status,
      s.nextDueAt,
      s.at,
      s.at,
      ...(slackChannels.length > 0 ? [slackChannels] : []),
    ],
  );
  return r.rows[0]?.written ?? 0;
}
