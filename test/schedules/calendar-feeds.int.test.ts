// Calendar feeds through real HTTP, read by a real iCalendar parser (ical.js,
// Mozilla's): RFC 5545 text whose events are exactly the final shifts of the
// feed's window (`shifts` for the same range, gaps left out); the token in the
// URL is the only credential, and a rotated or revoked one stops working at once.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { scheduleBody, teamWithPeople, weeklyLayer, type TeamWithPeople } from './schedule-fixtures';

const DAY = 86_400_000;
const PUBLIC_URL = 'https://heinrich.example.test';
let clock = new Date('2026-03-18T12:00:00.000Z');
let api: TestApi;
let A: TeamWithPeople;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock, env: { PUBLIC_URL } });
  A = await teamWithPeople(api, 'Collector');
});
afterAll(async () => {
  await api?.close();
});

/** The window a feed shows at `clock`: whole UTC days, 7 back and 60 ahead of today (docs/schedules.md). */
function feedWindow() {
  const today = Math.floor(clock.getTime() / DAY) * DAY;
  return { from: new Date(today - 7 * DAY).toISOString(), to: new Date(today + 61 * DAY).toISOString() };
}

// a name that needs escaping (comma, semicolon, backslash) and folding (long, with multi-byte characters)
const LONG_NAME = `Überwachung, Großrechner; Nacht \\ Wochenende — ${'Störungsdienst '.repeat(5)}Ende`;

async function createSchedule(name: string, members: string[]) {
  const res = await A.lead.call('POST', '/api/v1/schedules', scheduleBody(A.team.id, [weeklyLayer(members)], { name }));
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string };
}

/** GET a feed URL (as a calendar app: no other credential) */
async function fetchFeed(url: string) {
  const { pathname, search } = new URL(url);
  return fetch(`${api.baseUrl}${pathname}${search}`);
}

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
}

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c): ParsedEvent => {
    const event = new ICAL.Event(c);
    return { uid: event.uid, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(), summary: event.summary };
  });
  return { calendar, events };
}

async function expectedEvents(scheduleId: string, scheduleName: string, onlyUser?: string) {
  const { from, to } = feedWindow();
  const res = await A.viewer.call('GET', `/api/v1/schedules/${scheduleId}/shifts?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return (res.body.shifts as { start: string; end: string; users: { id: string; name: string }[] }[])
    .filter((s) => s.users.length > 0 && (!onlyUser || s.users[0]!.id === onlyUser))
    .map((s) => ({ start: s.start, end: s.end, summary: `On call: ${s.users[0]!.name} (${scheduleName})` }));
}

const withoutUid = (events: ParsedEvent[]) => events.map(({ uid: _uid, ...rest }) => rest);

describe("a schedule's feed", () => {
  it('is RFC 5545 text whose events are the final shifts of the window, read without any other credential', async () => {
    clock = new Date('2026-03-18T12:00:00.000Z');
    const schedule = await createSchedule(LONG_NAME, [A.alice.id, A.bob.id]);
    await A.lead.call('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: A.carol.id, start: '2026-03-19T10:00:00Z', end: '2026-03-19T12:00:00Z' });

    const created = await A.lead.call('POST', `/api/v1/schedules/${schedule.id}/calendar-feed`);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toEqual({
      id: expect.any(String),
      scheduleId: schedule.id,
      userId: null,
      createdAt: expect.any(String),
      url: expect.stringMatching(new RegExp(`^${PUBLIC_URL}/api/v1/schedules/${schedule.id}/calendar\\.ics\\?token=hcal_[A-Za-z0-9_-]{32}$`)),
      webcalUrl: created.body.url.replace(/^https:/, 'webcal:'),
    });

    const res = await fetchFeed(created.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    // CRLF line ends, no line over 75 octets
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long summaries were folded

    const { calendar, events } = parseCalendar(text);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Heinrich//On-call schedules//EN');
    // ical.js leaves the value of an X- property it has no design for as written: still escaped
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`On call: ${LONG_NAME.replace(/[\\;,]/g, (c) => `\\${c}`)}`);
    const expected = await expectedEvents(schedule.id, LONG_NAME);
    expect(expected.length).toBeGreaterThan(10);
    expect(withoutUid(events)).toEqual(expected);
    expect(events.map((e) => e.summary)).toContain(`On call: Carol (${LONG_NAME})`);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // times are UTC (Z), so no VTIMEZONE is needed
    expect(lines.filter((l) => l.startsWith('DTSTART')).every((l) => /^DTSTART:\d{8}T\d{6}Z$/.test(l))).toBe(true);

    // an hour later the same shifts keep their UIDs (apps update events instead of duplicating them)
    clock = new Date('2026-03-18T13:00:00.000Z');
    const again = parseCalendar(await (await fetchFeed(created.body.url)).text()).events;
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it('a rotated token stops working at once; so does a revoked one, a wrong one, or one of another feed', async () => {
    clock = new Date('2026-03-18T12:00:00.000Z');
    const schedule = await createSchedule('Collector primary', [A.alice.id]);
    const other = await createSchedule('Collector secondary', [A.bob.id]);
    const first = (await A.lead.call('POST', `/api/v1/schedules/${schedule.id}/calendar-feed`)).body.url as string;
    const otherUrl = (await A.lead.call('POST', `/api/v1/schedules/${other.id}/calendar-feed`)).body.url as string;
    expect((await fetchFeed(first)).status).toBe(200);

    const second = (await A.lead.call('POST', `/api/v1/schedules/${schedule.id}/calendar-feed`)).body.url as string;
    expect(second).not.toBe(first);
    const old = await fetchFeed(first);
    expect(old.status).toBe(404);
    expect(((await old.json()) as { error: unknown }).error).toEqual({
      code: 'not_found',
      message: 'No calendar feed here: the token is unknown, or was rotated or revoked; ask for the new feed URL',
      fields: [],
    });
    expect((await fetchFeed(second)).status).toBe(200);

    // another feed's token on this schedule's URL
    const otherToken = new URL(otherUrl).searchParams.get('token')!;
    expect((await fetchFeed(`${PUBLIC_URL}/api/v1/schedules/${schedule.id}/calendar.ics?token=${otherToken}`)).status).toBe(404);
    expect((await fetchFeed(`${PUBLIC_URL}/api/v1/schedules/${schedule.id}/calendar.ics?token=hcal_guess`)).status).toBe(404);
    expect((await fetchFeed(`${PUBLIC_URL}/api/v1/schedules/${schedule.id}/calendar.ics`)).status).toBe(400);

    expect((await A.lead.call('DELETE', `/api/v1/schedules/${schedule.id}/calendar-feed`)).status).toBe(204);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed(otherUrl)).status).toBe(200);

    // deleting the schedule takes its feed along
    await A.lead.call('DELETE', `/api/v1/schedules/${other.id}`);
    expect((await fetchFeed(otherUrl)).status).toBe(404);

    const log = await api.admin('GET', '/api/v1/audit-log?entityType=calendar_feed&limit=200');
    const actions = log.body.items.filter((e: { actor: string }) => e.actor === `user:${A.lead.id}`).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['calendar_feed.rotate', 'calendar_feed.revoke']));
  });

  it("is created and rotated by the team's leads and admins only", async () => {
    const schedule = await createSchedule('Collector primary', [A.alice.id]);
    for (const who of [A.alice, A.viewer]) {
      const res = await who.call('POST', `/api/v1/schedules/${schedule.id}/calendar-feed`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(`Only leads of team ${A.team.name} or admins can create or rotate the calendar feed of schedule Collector primary`);
    }
    expect((await api.admin('POST', `/api/v1/schedules/${schedule.id}/calendar-feed`)).status).toBe(201);
  });
});

describe("a person's on-call feed", () => {
  it('has their shifts in every schedule, and only theirs; they (or an admin) create it, nobody else', async () => {
    clock = new Date('2026-03-18T12:00:00.000Z');
    const primary = await createSchedule('Primary', [A.alice.id, A.bob.id]);
    const secondary = await createSchedule('Secondary', [A.bob.id, A.alice.id]);

    const refused = await A.bob.call('POST', `/api/v1/users/${A.alice.id}/calendar-feed`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Only Alice or an admin can create or rotate Alice's calendar feed");
    expect((await A.lead.call('POST', `/api/v1/users/${A.alice.id}/calendar-feed`)).status).toBe(403);

    const created = await A.alice.call('POST', `/api/v1/users/${A.alice.id}/calendar-feed`);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scheduleId: null, userId: A.alice.id });
    expect(created.body.url).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/users/${A.alice.id}/on-call\\.ics\\?token=hcal_`));

    const res = await fetchFeed(created.body.url);
    expect(res.status).toBe(200);
    const { calendar, events } = parseCalendar(await res.text());
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('On call: Alice');
    const expected = [...(await expectedEvents(primary.id, 'Primary', A.alice.id)), ...(await expectedEvents(secondary.id, 'Secondary', A.alice.id))].sort(
      (a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.summary < b.summary ? -1 : 1),
    );
    // Alice is in other tests' schedules too: compare the events of these two
    expect(withoutUid(events).filter((e) => / \((Primary|Secondary)\)$/.test(e.summary))).toEqual(expected);
    expect(events.every((e) => e.summary.startsWith('On call: Alice ('))).toBe(true);

    // her feed's token is not a key to Bob's
    const token = new URL(created.body.url).searchParams.get('token')!;
    expect((await fetchFeed(`${PUBLIC_URL}/api/v1/users/${A.bob.id}/on-call.ics?token=${token}`)).status).toBe(404);
    // an admin may rotate it; her old URL then stops working
    expect((await api.admin('POST', `/api/v1/users/${A.alice.id}/calendar-feed`)).status).toBe(201);
    expect((await fetchFeed(created.body.url)).status).toBe(404);
  });
});
