import type { ReadinessFinding } from './readiness-finding';
import { SILENT_INTEGRATION_DAYS, type ReadinessIntegration } from './readiness-input';

const DAY = 86_400_000;

const NOUN = { integration_key: 'Integration key', routing_integration: 'Routing integration', heartbeat: 'Heartbeat' } as const;

/**
 * Integrations that received nothing (an alert, an event, a ping) for
 * SILENT_INTEGRATION_DAYS, counted from their creation when they never did:
 * possibly a broken sender, or one nobody uses any more.
 */
export function silentIntegrationFindings(integrations: readonly ReadinessIntegration[], now: Date): ReadinessFinding[] {
  const cutoff = now.getTime() - SILENT_INTEGRATION_DAYS * DAY;
  const findings: ReadinessFinding[] = [];
  for (const i of integrations) {
    const last = i.lastReceivedAt ?? i.createdAt;
    if (last.getTime() > cutoff) continue;
    const days = Math.floor((now.getTime() - last.getTime()) / DAY);
    const what = i.lastReceivedAt ? `has received nothing for ${days} days` : `has received nothing since it was created ${days} days ago`;
    findings.push({
      key: `integration_silent:${i.id}`,
      kind: 'integration_silent',
      severity: 'warning',
      object: { type: i.type, id: i.id, name: i.name },
      teamId: i.teamId,
      message: `${NOUN[i.type]} ${i.name} ${what}: is its sender broken?`,
      link: i.serviceId ? `/services/${i.serviceId}` : '/routing',
    });
  }
  return findings;
}
