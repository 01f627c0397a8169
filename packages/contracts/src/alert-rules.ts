import { z } from 'zod';
import { text, uuid } from './primitives';

const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], {
  error: 'must be a weekday in English, lower case (monday ... sunday)',
});
const clock = z.string({ error: 'must be HH:MM' }).regex(/^\d\d:\d\d$/, 'must be HH:MM (24-hour, e.g. 09:00)');
const matcherList = z.array(text(1000), { error: 'must be a list of matchers such as severity="warning"' }).max(50, 'must have at most 50 matchers');
const keyValues = z.record(text(200), text(4000), { error: 'must be an object of names to values' });

/** A rule's time condition (docs/alert-rules.md "Time"). */
export const alertRuleTime = z.strictObject({
  weekdays: z.array(weekday).max(7),
  startTime: clock,
  endTime: clock,
  timeZone: text(100),
  outside: z.boolean({ error: 'must be true or false' }).optional(),
});

export const alertRuleActions = z.strictObject({
  severity: text(100).trim().min(1, 'must not be empty').optional(),
  urgency: z.enum(['high', 'low'], { error: 'must be high or low' }).optional(),
  labels: keyValues.optional().describe('labels to add or overwrite; an empty value removes the label; `{{ labels.x }}` / `{{ annotations.x }}` are replaced'),
  annotations: keyValues.optional().describe('annotations to add or overwrite (e.g. runbook_url); an empty value removes it; templates as for labels'),
  suppress: z.boolean({ error: 'must be true or false' }).optional().describe('store the alert and its incident, page no one (a near miss)'),
  routeToServiceId: uuid.optional().describe('send the alert to this service (one hop: its rules run, its route actions are not followed); loops are refused'),
});

/** One rule as written (PUT): `id` kept when given, assigned when not. */
export const alertRuleInput = z.strictObject({
  id: uuid.optional(),
  name: text(200).trim().min(1, 'must not be empty'),
  matchers: matcherList.optional().describe('Alertmanager matchers on the labels, ANDed (docs/maintenance-windows.md "Matchers")'),
  annotationMatchers: matcherList.optional().describe('the same syntax on the annotations, ANDed'),
  time: alertRuleTime.nullable().optional(),
  actions: alertRuleActions,
  stop: z.boolean({ error: 'must be true or false' }).optional().describe('a match ends the evaluation: later rules are not looked at'),
});

/** PUT /api/v1/services/{id}/alert-rules: the whole ordered list */
export const putAlertRulesBody = z.strictObject({
  rules: z.array(alertRuleInput, { error: 'must be a list of rules' }).max(100, 'must have at most 100 rules'),
});
export type PutAlertRulesBody = z.infer<typeof putAlertRulesBody>;

export const alertRuleJson = z.strictObject({
  id: uuid,
  name: z.string(),
  matchers: z.array(z.string()),
  annotationMatchers: z.array(z.string()),
  time: alertRuleTime.nullable(),
  actions: alertRuleActions,
  stop: z.boolean(),
});

export const alertRulesJson = z.strictObject({
  serviceId: uuid,
  rules: z.array(alertRuleJson).describe('in evaluation order'),
});
export type AlertRulesJson = z.infer<typeof alertRulesJson>;
