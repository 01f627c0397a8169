import { describe, expect, it } from 'vitest';
import { buildMaintenanceAnnouncement } from './maintenance-announcement-message';

const publicUrl = 'https://heinrich.example.com';
const dueAt = new Date('2026-12-06T01:00:00Z'); // Sunday 02:00 in Berlin
const facts = { windowId: 'w-1', reason: 'Upgrade PG', services: ['Payments'], until: '2026-12-06T03:00:00.000Z', timeZone: 'Europe/Berlin', matchers: [] };

describe('buildMaintenanceAnnouncement', () => {
  it('started: the services, until when on the wall clock of its zone, and that it pages no one', () => {
    const m = buildMaintenanceAnnouncement('started', facts, { publicUrl, dueAt, now: dueAt });
    expect(m.text).toBe(":construction: Maintenance 'Upgrade PG' started on Payments, until 04:00 Europe/Berlin; alerts under it page no one");
    expect(JSON.stringify(m.blocks)).toContain('<https://heinrich.example.com/maintenance/w-1|Maintenance window>');
  });

  it('ended: how many incidents still firing now page', () => {
    const end = new Date(facts.until);
    expect(buildMaintenanceAnnouncement('ended', { ...facts, stillFiring: 2 }, { publicUrl, dueAt: end, now: end }).text).toBe(
      ":white_check_mark: Maintenance 'Upgrade PG' ended on Payments; 2 incidents still firing now page",
    );
    expect(buildMaintenanceAnnouncement('ended', { ...facts, stillFiring: 0 }, { publicUrl, dueAt: end, now: end }).text).toMatch(/ended on Payments; nothing it held still fires$/);
  });

  it("a one-off window's end in each reader's zone; matchers named; people's text escaped", () => {
    const m = buildMaintenanceAnnouncement(
      'started',
      { ...facts, timeZone: null, reason: '<!channel> drain', matchers: ['node="d01"'] },
      { publicUrl, dueAt, now: dueAt },
    );
    expect(m.text).toBe(
      ":construction: Maintenance '&lt;!channel&gt; drain' started on Payments, until <!date^1796526000^{date_short_pretty} {time}|2026-12-06 03:00 UTC>; alerts matching `node=\"d01\"` page no one",
    );
  });

  it('posted late (Slack was down), it says when it happened', () => {
    const m = buildMaintenanceAnnouncement('started', facts, { publicUrl, dueAt, now: new Date(dueAt.getTime() + 20 * 60_000) });
    expect(m.text).toMatch(/ _\(posted late: it started at 02:00 Europe\/Berlin\)_$/);
  });
});
