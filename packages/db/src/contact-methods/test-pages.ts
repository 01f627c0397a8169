import { createHash } from 'node:crypto';
import type { TeamRef } from '@heinrich/core/authz/authorize';
import { insertDeliveries } from '../delivery/insert-deliveries';
import type { Queryable } from '../queryable';
import type { Tx } from '../with-transaction';

/** The advisory lock under which the installation's hidden test-page service is created (once). */
export const TEST_SERVICE_LOCK = 'heinrich:test-page-service';

/** The teams the person is a member of (whose leads may send them a test page). */
export async function findTeamsOfUser(q: Queryable, userId: string): Promise<TeamRef[]> {
  const r = await q.query<TeamRef>(
    `SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 ORDER BY t.name`,
    [userId],
  );
  return r.rows;
}

/** When the method last got a test page (its delivery was created), or null. */
export async function lastTestPageAt(q: Queryable, contactMethodId: string): Promise<Date | null> {
  const r = await q.query<{ at: Date | null }>(
    `SELECT max(d.created_at) AS at
       FROM deliveries d JOIN notifications n ON n.id = d.notification_id JOIN incidents i ON i.id = n.incident_id
      WHERE d.contact_method_id = $1 AND i.is_test`,
    [contactMethodId],
  );
  return r.rows[0]?.at ?? null;
}

/**
 * The installation's hidden service of test pages (is_test: never listed, no
 * team, no escalation policy, no integration keys), created on first use. The
 * caller holds TEST_SERVICE_LOCK, so two first test pages create one service.
 */
async function ensureTestService(tx: Tx): Promise<string> {
  const found = await tx.query<{ id: string }>(`SELECT id FROM services WHERE is_test ORDER BY created_at LIMIT 1`);
  if (found.rows[0]) return found.rows[0].id;
  const r = await tx.query<{ id: string }>(
    `INSERT INTO services (id, name, description, auto_resolve, urgency, is_test, updated_at)
     VALUES (gen_random_uuid(), 'Heinrich test pages', 'Built in: test pages sent to one contact method from a person''s page. Never listed, never escalated.', false, 'high', true, now())
     RETURNING id`,
  );
  return r.rows[0]!.id;
}

export interface NewTestPage {
  userId: string;
  contactMethodId: string;
  channel: string;
  /** the method's value, as deliveries keep it */
  target: string;
  title: string;
  /** who sent it (an audit actor display), kept as the incident's resolved_by */
  sentBy: string;
}

export interface WrittenTestPage {
  incidentId: string;
  incidentNumber: number;
  notificationId: string;
  deliveryId: string;
}

/**
 * A test page, durably, in the caller's transaction: an incident marked
 * is_test on the hidden service, written resolved (so it is open nowhere, no
 * escalation ever starts, no Slack channel post: it has no escalation and no
 * outbox event), one page of the person already planned (the planner adds no
 * other method) and one queued delivery on exactly that method, due now; its
 * insert NOTIFYs the dispatcher at commit, and the dispatcher's sweep finds it
 * whatever happens to a worker or to Redis meanwhile.
 */
export async function insertTestPage(tx: Tx, page: NewTestPage, now: Date): Promise<WrittenTestPage> {
  const serviceId = await ensureTestService(tx);
  const groupKey = `test-page:${page.contactMethodId}:${now.toISOString()}`;
  const incident = await tx.query<{ id: string; number: number }>(
    `INSERT INTO incidents (id, service_id, group_key_hash, group_key, title, status, created_at, updated_at, resolved_at, resolved_by, is_test)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'resolved', $5, $5, $5, $6, true)
     RETURNING id, number`,
    [serviceId, createHash('sha256').update(groupKey).digest('hex'), groupKey, page.title, now, page.sentBy],
  );
  const { id: incidentId, number: incidentNumber } = incident.rows[0]!;
  const notification = await tx.query<{ id: string }>(
    `INSERT INTO notifications (id, incident_id, user_id, cycle, step, reason, allow_voice, status, created_at, updated_at, planned_at)
     VALUES (gen_random_uuid(), $1, $2, 0, 0, '[]'::jsonb, true, 'pending', $3, $3, $3)
     RETURNING id`,
    [incidentId, page.userId, now],
  );
  const notificationId = notification.rows[0]!.id;
  const [delivery] = await insertDeliveries(
    tx,
    [{ notificationId, contactMethodId: page.contactMethodId, channel: page.channel, target: page.target, ruleId: null, dueAt: now }],
    now,
  );
  return { incidentId, incidentNumber, notificationId, deliveryId: delivery!.id };
}
