import { CONTACT_METHOD_TYPES, type ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { planPages } from '@heinrich/core/delivery/plan-pages';
import { insertDeliveries } from '@heinrich/db/delivery/insert-deliveries';
import { loadDeliveryTargets } from '@heinrich/db/delivery/load-delivery-targets';
import { lockUnplannedPages } from '@heinrich/db/delivery/lock-unplanned-pages';
import { markPagesPlanned } from '@heinrich/db/delivery/mark-pages-planned';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import type pg from 'pg';

/**
 * Every channel counts as configured when planning: whether a provider has
 * credentials is the worker's knowledge, so a delivery on an unconfigured
 * channel is created and then recorded `unavailable` (with the reason, and the
 * next method used) by the dispatcher.
 */
const EVERY_CHANNEL: ReadonlySet<ContactMethodType> = new Set(CONTACT_METHOD_TYPES);

/**
 * Turns new pages into deliveries: each page the engine wrote (notifications
 * pending, not planned yet; rows another planner holds are skipped) becomes
 * the user's plan — deliveries queued, due at the page time plus the rule's
 * delay — and a timeline entry says how the user will be notified and why any
 * method is not used (core's planPages decides). The page row is the durable
 * record (written in the engine's transaction; its insert NOTIFYs the
 * dispatcher at commit); this pass is idempotent (planned_at, and the unique
 * (notification, contact method)), so the dispatcher and its timer may both run it.
 */
export async function planPendingPages(
  client: pg.PoolClient,
  now: Date,
  opts: {
    limit?: number;
  } = {},
): Promise<{ pages: number }> {
  const pages = await lockUnplannedPages(client, opts.limit ?? 200);
  if (pages.length === 0) return { pages: 0 };
  const targets = await loadDeliveryTargets(client, [...new Set(pages.map((n) => n.userId))]);
  const { deliveries, events } = planPages(pages, targets, EVERY_CHANNEL);
  // no NOTIFY of our own: we are the dispatcher
  await insertDeliveries(client, deliveries, now, { notify: false });
  await recordEvents(client, events);
  await markPagesPlanned(client, pages.map((n) => n.id), now);
  return { pages: pages.length };
}
