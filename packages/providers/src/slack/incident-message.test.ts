import { describe, expect, it } from 'vitest';
import { buildFollowUp, buildIncidentMessage, escapeAndTruncate, escapeSlack, slackLink, SLACK_ACTIONS, type SlackIncidentView } from './incident-message';

const HOSTILE = '<!channel> <@U123> <http://x|y> & more';

function view(over: Partial<SlackIncidentView> = {}): SlackIncidentView {
  return {
    id: '0d7c2b38-5d0e-4a55-9d43-7a7b2f0c6f11',
    number: 42,
    title: 'ApiErrorRate checkout',
    status: 'triggered',
    serviceName: 'Checkout',
    urgency: 'high',
    severity: 'critical',
    alerts: { firing: 2, total: 3 },
    labels: { alertname: 'ApiErrorRate', job: 'checkout' },
    summary: '5xx ratio above 5%',
    links: { incident: 'https://heinrich.example/incidents/42', runbook: 'https://wiki.example/runbooks/api?x=1&y=2', generator: 'http://prometheus:9090/graph?g0.expr=up' },
    pagedNow: ['Alice'],
    statusChange: null,
    silence: null,
    canSilence: true,
    ...over,
  };
}

const allText = (blocks: unknown) => JSON.stringify(blocks);

describe('buildIncidentMessage', () => {
  it('shows title, service, urgency, severity, alerts, labels, links, who is paged and the four buttons', () => {
    const m = buildIncidentMessage(view());
    const s = allText(m.blocks);
    expect(s).toContain('#42 ApiErrorRate checkout');
    expect(s).toContain('Checkout');
    expect(s).toContain('high / critical');
    expect(s).toContain('2 firing of 3');
    expect(s).toContain('alertname=ApiErrorRate');
    expect(s).toContain('<https://wiki.example/runbooks/api?x=1&amp;y=2|Runbook>');
    expect(s).toContain('Paged now');
    expect(s).toContain('Alice');
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual([SLACK_ACTIONS.acknowledge, SLACK_ACTIONS.resolve, SLACK_ACTIONS.escalate, SLACK_ACTIONS.silence]);
    expect(actions.elements.every((e) => e.value === view().id)).toBe(true);
    expect(m.text).toBe('[TRIGGERED] #42 ApiErrorRate checkout (Checkout)');
  });

  it('says who acknowledged, how and when, and offers no Acknowledge or Escalate any more', () => {
    const m = buildIncidentMessage(view({ status: 'acknowledged', statusChange: { verb: 'Acknowledged', by: 'Alice', via: 'sms', at: new Date('2026-11-28T03:12:00Z') } }));
    const s = allText(m.blocks);
    expect(s).toContain(`Acknowledged by Alice via SMS at <!date^${Date.parse('2026-11-28T03:12:00Z') / 1000}^{time}|03:12 UTC>`);
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual([SLACK_ACTIONS.resolve, SLACK_ACTIONS.silence]);
  });

  it('a resolved incident has no buttons; a silenced one says until when and by whom and offers Unsilence', () => {
    expect(buildIncidentMessage(view({ status: 'resolved' })).blocks.some((b) => b.type === 'actions')).toBe(false);
    const m = buildIncidentMessage(view({ silence: { endsAt: new Date('2026-11-28T04:12:00Z'), by: 'Bob' } }));
    expect(allText(m.blocks)).toContain(`Silenced until <!date^${Date.parse('2026-11-28T04:12:00Z') / 1000}^{time}|04:12 UTC> by Bob`);
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toContain(SLACK_ACTIONS.unsilence);
    expect(actions.elements.map((e) => e.action_id)).not.toContain(SLACK_ACTIONS.silence);
  });

  it('a flapping incident says so in a line of its own', () => {
    expect(allText(buildIncidentMessage(view({ flapping: true })).blocks)).toContain(':repeat: Flapping: its alerts keep firing and resolving.');
    expect(allText(buildIncidentMessage(view({})).blocks)).not.toContain('Flapping');
  });

  it('escapes hostile alert text everywhere: no mention, no link survives', () => {
    const m = buildIncidentMessage(
      view({ title: HOSTILE, serviceName: HOSTILE, summary: HOSTILE, labels: { [HOSTILE]: HOSTILE }, severity: HOSTILE, pagedNow: [HOSTILE] }),
    );
    const s = allText(m) ;
    expect(s).not.toContain('<!channel>');
    expect(s).not.toContain('<@U123>');
    expect(s).not.toContain('<http://x|y>');
    expect(s).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;http://x|y&gt; &amp; more');
  });

  it('stays within Slack limits for huge content', () => {
    const long = 'x'.repeat(10_000);
    const m = buildIncidentMessage(view({ title: long, summary: '<'.repeat(5000), serviceName: long, labels: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`l${i}`, long])) }));
    const header = m.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    for (const b of m.blocks as { text?: { text: string }; fields?: { text: string }[]; elements?: { text?: { text: string } | string }[] }[]) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    const summary = m.blocks.find((b) => JSON.stringify(b).includes('&lt;')) as { text: { text: string } };
    expect(summary.text.text).toMatch(/^(&lt;)+…$/);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(m.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('escaping helpers', () => {
  it('escapes only &, < and >', () => {
    expect(escapeSlack('a & b <c> "d"')).toBe('a &amp; b &lt;c&gt; "d"');
  });
  it('never cuts inside an entity', () => {
    expect(escapeAndTruncate('ab<<<', 6)).toBe('ab…');
  });
  it('links only http(s) URLs and keeps | and > from ending the link', () => {
    expect(slackLink('javascript:alert(1)', 'x')).toBeNull();
    expect(slackLink('not a url', 'x')).toBeNull();
    expect(slackLink('https://a.example/p?q=a|b', 'R<b>')).toBe('<https://a.example/p?q=a%7Cb|R&lt;b&gt;>');
  });
  it('follow-ups are escaped too', () => {
    expect(buildFollowUp({ type: 'alerts_added', message: '<!here> joined' }).text).toBe(':heavy_plus_sign: &lt;!here&gt; joined');
  });
});
