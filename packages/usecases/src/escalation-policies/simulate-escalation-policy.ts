import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { CHANNEL_LABEL, sendDueAt } from '@heinrich/core/delivery/plan-delivery';
import { decideEscalation, decisionPages } from '@heinrich/core/escalation/decide-escalation';
import type { EscalationPosition, EscalationRun } from '@heinrich/core/escalation/escalation-position';
import { resolveUrgency, urgencyRules } from '@heinrich/core/escalation/urgency';
import { loadDeliveryTargets } from '@heinrich/db/delivery/load-delivery-targets';
import { loadTargetData } from '@heinrich/db/escalation/load-target-data';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { planFor } from '@heinrich/core/delivery/plan-pages';
import { targetNames, targetResolver } from '../escalation/target-resolver';
import { getEscalationPolicy } from './get-escalation-policy';
import { toCorePolicy } from './policy-record';


export interface SimulatedPage {
  at: string;
  cycle: number;
  step: number;
  userId: string;
  name: string;
  reasons: unknown;
  sends: { channel: string; at: string; ruleId: string | null }[];
  notUsed: string[];
}

/**
 * What the engine would do if an incident opened on a service with this policy
 * at `at`: the same decision function (decideEscalation) step by step, each at
 * its own instant with the schedules and overrides in force then, and each
 * paged person's delivery plan (planDelivery) with the channels that have
 * providers (`configured`: configuredChannels of the process's credentials). Warnings: steps that page nobody, people nobody can reach, rules
 * later than the next step. Read only.
 */
export async function simulateEscalationPolicy(ctx: Context, id: string, input: { at: Date; severity?: string; configured: ReadonlySet<ContactMethodType> }) {
  const policy = toCorePolicy(await getEscalationPolicy(ctx, id));
  const { urgency, reason } = resolveUrgency('bySeverity', input.severity !== undefined ? [input.severity] : []);
  const run: EscalationRun = { policy, urgency, baseCycle: 0 };
  const allowVoice = urgencyRules(urgency).voice;
  const pages: SimulatedPage[] = [];
  const warnings: string[] = [];
  await withTransaction(ctx.db.pool, async (client) => {
    let position: EscalationPosition = { cycle: 0, step: 0 };
    let at = input.at;
    for (let guard = 0; guard < 200; guard++) {
      const targets = policy.steps.flatMap((s) => s.targets);
      const data = await loadTargetData(client, {
        userIds: targets.filter((t) => t.type === 'user').map((t) => t.id),
        scheduleIds: targets.filter((t) => t.type === 'schedule').map((t) => t.id),
        teamId: policy.teamId,
        at,
      });
      const decision = decideEscalation(run, position, at, targetResolver(data, policy.teamId, () => {}));
      const names = targetNames(data);
      for (const v of decision.visits) if (v.pages.length === 0) warnings.push(`Step ${v.position.step + 1} (cycle ${v.position.cycle}) at ${decision.at} pages nobody`);
      const paged = decisionPages(decision);
      const people = await loadDeliveryTargets(client, [...new Set(paged.map((p) => p.page.userId))]);
      const nextDue = decision.next ? new Date(decision.next.dueAt) : null;
      for (const { position: p, page } of paged) {
        const target = people.get(page.userId);
        const plan = target ? planFor(target, urgency, allowVoice, input.configured) : null;
        const sends = (plan?.sends ?? []).map((s) => ({ channel: s.type, at: sendDueAt(at, s.delayMinutes).toISOString(), ruleId: s.ruleId }));
        if (sends.length === 0) warnings.push(`${names.user(page.userId)} (step ${p.step + 1}) has no usable contact method`);
        for (const s of plan?.sends ?? []) {
          if (nextDue && sendDueAt(at, s.delayMinutes) >= nextDue) {
            warnings.push(`${names.user(page.userId)}'s ${CHANNEL_LABEL[s.type]} rule (${s.delayMinutes} min) comes after the next step (${decision.next!.dueAt})`);
          }
        }
        pages.push({ at: decision.at, cycle: p.cycle, step: p.step, userId: page.userId, name: names.user(page.userId), reasons: page.reasons, sends, notUsed: (plan?.skipped ?? []).map((s) => s.reason) });
      }
      if (!decision.next) break;
      position = decision.next.position;
      at = new Date(decision.next.dueAt);
    }
  });
  return { policyId: id, at: input.at.toISOString(), urgency, urgencyReason: reason, pages, warnings };
}
