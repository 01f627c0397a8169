import type { FieldProblem } from '../app-error';
import { ESCALATION_POLICY_LIMITS as LIMITS, ESCALATION_TARGET_TYPES, type EscalationPolicy } from './escalation-policy';

/**
 * What is wrong with a policy, as dotted field paths into it (`steps.1.delayMinutes`,
 * `steps.0.targets.2.type`), prefixed with `path`. [] = the engine can run it.
 * Checks shape and limits, not that users, schedules or the team exist: that
 * needs the database (the use case names those with the same paths).
 */
export function validateEscalationPolicy(policy: EscalationPolicy, path = ''): FieldProblem[] {
  const at = (p: string) => (path ? `${path}.${p}` : p);
  if (typeof policy !== 'object' || policy === null) return [{ path: path || '(body)', message: 'must be an object' }];
  const problems: FieldProblem[] = [];
  if (typeof policy.name !== 'string' || policy.name.trim() === '') problems.push({ path: at('name'), message: 'must be a non-empty string' });
  else if (policy.name.length > LIMITS.maxNameLength) problems.push({ path: at('name'), message: `must be at most ${LIMITS.maxNameLength} characters` });
  if (typeof policy.teamId !== 'string' || policy.teamId === '') problems.push({ path: at('teamId'), message: 'must be a team id' });
  if (!isIntegerIn(policy.repeat, 0, LIMITS.maxRepeat)) {
    problems.push({ path: at('repeat'), message: `must be a whole number from 0 to ${LIMITS.maxRepeat} (extra passes over all steps)` });
  }
  if (!Array.isArray(policy.steps) || policy.steps.length === 0) {
    problems.push({ path: at('steps'), message: 'must be a non-empty array: a policy without steps pages nobody' });
    return problems;
  }
  if (policy.steps.length > LIMITS.maxSteps) problems.push({ path: at('steps'), message: `must have at most ${LIMITS.maxSteps} steps` });
  policy.steps.forEach((step, i) => {
    const sp = (p: string) => at(`steps.${i}.${p}`);
    if (typeof step !== 'object' || step === null) {
      problems.push({ path: at(`steps.${i}`), message: 'must be an object with delayMinutes and targets' });
      return;
    }
    if (!isIntegerIn(step.delayMinutes, LIMITS.minDelayMinutes, LIMITS.maxDelayMinutes)) {
      problems.push({
        path: sp('delayMinutes'),
        message: `must be whole minutes from ${LIMITS.minDelayMinutes} to ${LIMITS.maxDelayMinutes} (the wait before the next step)`,
      });
    }
    if (!Array.isArray(step.targets) || step.targets.length === 0) {
      problems.push({ path: sp('targets'), message: 'must list at least one target' });
      return;
    }
    if (step.targets.length > LIMITS.maxTargetsPerStep) {
      problems.push({ path: sp('targets'), message: `must have at most ${LIMITS.maxTargetsPerStep} targets` });
    }
    const seen = new Map<string, number>();
    step.targets.forEach((target, k) => {
      const tp = (p: string) => sp(`targets.${k}.${p}`);
      if (typeof target !== 'object' || target === null) {
        problems.push({ path: sp(`targets.${k}`), message: 'must be an object with type and id' });
        return;
      }
      const typeOk = ESCALATION_TARGET_TYPES.includes(target.type);
      if (!typeOk) problems.push({ path: tp('type'), message: `must be one of ${ESCALATION_TARGET_TYPES.join(', ')}` });
      if (typeof target.id !== 'string' || target.id.trim() === '') {
        problems.push({ path: tp('id'), message: 'must be a non-empty id' });
      } else if (typeOk) {
        const key = `${target.type}:${target.id}`;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ path: sp(`targets.${k}`), message: `repeats steps.${i}.targets.${first}` });
        else seen.set(key, k);
      }
    });
  });
  return problems;
}

function isIntegerIn(n: unknown, min: number, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}
