import { createNotificationRuleBody, type CreatedNotificationRuleJson } from '@heinrich/contracts/contact-methods';
import { configuredChannels } from '@heinrich/core/delivery/configured-channels';
import { notificationRuleWarnings } from '@heinrich/core/delivery/notification-rule-warnings';
import { createNotificationRule } from '@heinrich/usecases/notification-rules/create-notification-rule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { notificationRuleJson } from './notification-rule-json';

/**
 * POST /api/v1/users/{id}/notification-rules — 201 with the rule and its
 * `warnings`: why it would send nothing yet (unverified phone, STOP, a call at
 * low urgency, no provider for the channel); such rules are kept.
 */
export function createNotificationRuleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const rule = await createNotificationRule(deps.ctx, principalOf(res), userId, parse(createNotificationRuleBody, req.body));
    const warnings = notificationRuleWarnings(rule.method, rule.urgency, configuredChannels(deps.config));
    res
      .status(201)
      .location(`/api/v1/users/${userId}/notification-rules/${rule.id}`)
      .json({ ...notificationRuleJson(rule), warnings } satisfies CreatedNotificationRuleJson);
  };
}
