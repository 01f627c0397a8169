import type { EscalationPolicy } from '@heinrich/core/escalation/escalation-policy';
import type { EscalationRun } from '@heinrich/core/escalation/escalation-position';
import type { EscalationRow } from '@heinrich/db/escalation/escalation-row';

/** The run a stored escalation is in: its policy snapshot, urgency and base cycle. */
export function escalationRunOf(row: EscalationRow): EscalationRun {
  return { policy: row.policy as EscalationPolicy, urgency: row.urgency, baseCycle: row.baseCycle };
}
