import type { AlertRuleSet } from '@heinrich/core/ingest/ingest-delivery';
import { deliveryAlertRules } from '../alert-rules/delivery-alert-rules';
import type { RoutingSender } from './authenticate-ingest-key';
import type { RoutingConfig } from './plan-routing';

/** How explain and the timeline name a routing integration as a rule's owner ("… by rule "x" on routing integration prod"). */
export function ruleOwnerOf(integration: { id: string; name: string }): AlertRuleSet['service'] {
  return { id: integration.id, name: `routing integration ${integration.name}` };
}

/**
 * A stored integration's routing as the key lookup found it: routes compiled
 * once per version (id + updated_at), its fixed targets loaded with the key,
 * its alert rules (compiled once per text) at the instant `at`.
 */
export function routingConfigOf({ integration, fixedTargets }: Pick<RoutingSender, 'integration' | 'fixedTargets'>, at: Date): RoutingConfig {
  return {
    cacheKey: `${integration.id}@${integration.updatedAt.toISOString()}`,
    routes: integration.routes,
    catchAllServiceId: integration.catchAllServiceId,
    fixedTargets,
    alertRules: deliveryAlertRules(ruleOwnerOf(integration), integration.alertRules, at),
  };
}
