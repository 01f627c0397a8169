import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, actionName } from './audit-actions';

// the use cases' sources as text (Vite's glob: no Node modules in apps/web)
const USECASES: Record<string, string> = import.meta.glob(['../../../../../packages/usecases/src/**/*.ts', '!**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('audit action names', () => {
  it('names every action code the use cases write', () => {
    const codes = new Set<string>();
    expect(Object.keys(USECASES).length).toBeGreaterThan(50);
    for (const text of Object.values(USECASES)) {
      if (!text.includes('insertAuditEntry')) continue;
      for (const m of text.matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) codes.add(m[1]!);
    }
    // the codes built from a verb: heartbeat.<verb>, maintenance_window.<verb>, storm.<action>, incident.bulk_<action>
    for (const verb of ['update', 'delete', 'pause', 'resume', 'rotate_token']) codes.add(`heartbeat.${verb}`);
    for (const verb of ['update', 'end', 'delete']) codes.add(`maintenance_window.${verb}`);
    for (const verb of ['acknowledge', 'resolve']) codes.add(`storm.${verb}`).add(`incident.bulk_${verb}`);
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((c) => !(c in ACTION_NAMES))).toEqual([]);
  });

  it('reads a code it does not know in words', () => {
    expect(actionName('escalation_policy.update')).toBe('Escalation policy updated');
    expect(actionName('contact_method.unknown_verb')).toBe('Contact method unknown verb');
  });
});
