/** The engine's wake-up for one step of one incident's escalation. */
export interface EscalationJobRef {
  incidentId: string;
  cycle: number;
  step: number;
  /**
   * +1 on every stop, restart or manual move: a job of an earlier generation
   * finds its row changed and does nothing, and the new job never collides
   * with a completed one BullMQ still keeps under the old id.
   */
  generation: number;
}

/**
 * The BullMQ job id `esc-<incidentId>-c<cycle>-s<step>-g<generation>`:
 * deterministic (adding it twice is one job), without `:` and never all digits,
 * as BullMQ requires of custom ids.
 */
export function escalationJobId(ref: EscalationJobRef): string {
  if (ref.incidentId.includes(':') || ref.incidentId === '') throw new RangeError(`Invalid incident id for a job id: ${JSON.stringify(ref.incidentId)}`);
  for (const n of [ref.cycle, ref.step, ref.generation]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Invalid escalation job ref: ${JSON.stringify(ref)}`);
  }
  return `esc-${ref.incidentId}-c${ref.cycle}-s${ref.step}-g${ref.generation}`;
}
