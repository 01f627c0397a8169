import { compileAlertRules, type CompiledAlertRule } from '@heinrich/core/alert-rules/compile-alert-rules';
import { readAlertRules } from '@heinrich/core/alert-rules/read-alert-rules';
import type { IngestDelivery } from '@heinrich/core/ingest/ingest-delivery';

/** Compiled rule sets by their stored text: a busy sender's regexes are compiled once, not per request. */
const compiled = new Map<string, CompiledAlertRule[]>();
const MAX_CACHED = 1_000;

/**
 * The alert rules a delivery carries into ingest (IngestDelivery.alertRules),
 * from its service's stored rules as the key lookup read them; undefined when
 * the service has none (ingest then does nothing extra).
 */
export function deliveryAlertRules(service: { id: string; name: string }, stored: unknown, at: Date): IngestDelivery['alertRules'] {
  if (!Array.isArray(stored) || stored.length === 0) return undefined;
  const text = JSON.stringify(stored);
  let rules = compiled.get(text);
  if (!rules) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    rules = compileAlertRules(readAlertRules(stored));
    compiled.set(text, rules);
  }
  return { rules, service, at: at.getTime() };
}
