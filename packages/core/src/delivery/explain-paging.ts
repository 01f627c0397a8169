/** A timeline entry as explain reads it. */
export interface ExplainEvent {
  type: string;
  message: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface PersonExplanation {
  userId: string;
  name: string;
  /** a step (or the lead fallback) paged them */
  paged: boolean;
  /** a message went out to them (sent) */
  reached: boolean;
  /** one paragraph: "Paged at step 1: ...; reached via webhook; not used: Slack: no credentials configured, SMS unverified" */
  summary: string;
  /** the timeline entries about them, oldest first */
  facts: { at: string; type: string; message: string }[];
}

const PAGING = new Set(['escalation_step', 'escalation_fallback']);

/**
 * Why each person was (or was not) paged, from recorded events only (invariant 5):
 * the engine's steps that paged them (with their reasons), the delivery plan (and
 * the methods it did not use, with why), unavailable channels, failures and the
 * fallbacks taken, and the messages that went out. Someone no step paged is
 * told so, with how the escalation ended if it did. Pure.
 */
export function explainPaging(events: readonly ExplainEvent[], people: ReadonlyArray<{ id: string; name: string }>): PersonExplanation[] {
  const stopped = [...events].reverse().find((e) => e.type === 'escalation_stopped');
  return people.map(({ id, name }) => {
    const mine = events.filter((e) => e.data.userId === id || (PAGING.has(e.type) && pagesOf(e).includes(id)));
    const paging = mine.filter((e) => PAGING.has(e.type));
    const reachedVia = mine.filter((e) => e.type === 'notified').map((e) => String(e.data.channel));
    const notUsed = new Set<string>();
    for (const e of mine) {
      if (e.type === 'delivery_planned' || e.type === 'delivery_impossible') for (const s of skippedOf(e)) notUsed.add(s);
      if (e.type === 'notification_unavailable' && typeof e.data.reason === 'string') notUsed.add(e.data.reason);
    }
    const failed = mine.filter((e) => e.type === 'notification_failed').map((e) => e.message);
    const impossible = mine.find((e) => e.type === 'delivery_impossible');
    const parts: string[] = [];
    if (paging.length === 0) {
      parts.push(`${name} was not paged: no step of this incident's escalation paged them`);
      if (stopped) parts.push(`${stopped.message} (${stopped.createdAt.toISOString()})`);
    } else {
      parts.push(paging.map((e) => e.message).join('; '));
      if (reachedVia.length > 0) parts.push(`reached via ${[...new Set(reachedVia)].join(', ')}`);
      else if (impossible) parts.push(impossible.message);
      else parts.push('no message has gone out yet');
      if (notUsed.size > 0) parts.push(`not used: ${[...notUsed].join(', ')}`);
      parts.push(...failed);
    }
    return {
      userId: id,
      name,
      paged: paging.length > 0,
      reached: reachedVia.length > 0,
      summary: parts.join('; '),
      facts: mine.map((e) => ({ at: e.createdAt.toISOString(), type: e.type, message: e.message })),
    };
  });
}

function pagesOf(e: ExplainEvent): string[] {
  const pages = e.data.pages;
  return Array.isArray(pages) ? pages.map((p) => String((p as { userId?: unknown }).userId)) : [];
}

function skippedOf(e: ExplainEvent): string[] {
  const skipped = e.data.skipped;
  return Array.isArray(skipped) ? skipped.map((s) => String((s as { reason?: unknown }).reason)) : [];
}
