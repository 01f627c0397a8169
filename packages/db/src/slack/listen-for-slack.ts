import pg from 'pg';

export const SLACK_CHANNEL = 'heinrich_slack';

/**
 * LISTEN heinrich_slack (SLACK_CHANNEL) on a connection of its own:
 * `onNotify(incidentId | '')` runs after every commit that added a timeline
 * entry to an incident with Slack messages (its id) or created messages to
 * post (''). A lost connection is reported through `onError`; the sweeper
 * covers the gap. Only triggers NOTIFY it, both from migration
 * prisma/migrations/20261128225608_slack (delivered at commit):
 * - `incident_events_mark_slack_stale` (AFTER INSERT ON incident_events, FOR
 *   EACH ROW, function slack_messages_mark_stale()): raises `wanted_seq` of the
 *   incident's slack_messages rows to the new entry's seq and, when a row
 *   changed, NOTIFYs with the incident id; so every path that writes the
 *   timeline (API, UI, SMS, voice, Slack, ingest, the engine) updates Slack
 *   without knowing of it;
 * - `slack_messages_notify` (AFTER INSERT ON slack_messages, FOR EACH
 *   STATEMENT, function notify_heinrich_slack()): a new message to post
 *   (the engine's channel target), payload ''.
 */
export async function listenForSlack(
  connectionString: string,
  onNotify: (incidentId: string) => void,
  onError: (err: Error) => void,
): Promise<{ close(): Promise<void> }> {
  const client = new pg.Client({ connectionString, application_name: 'heinrich-slack-listener' });
  client.on('error', onError);
  client.on('notification', (msg) => {
    if (msg.channel === SLACK_CHANNEL) onNotify(msg.payload ?? '');
  });
  await client.connect();
  await client.query(`LISTEN ${SLACK_CHANNEL}`);
  return {
    async close() {
      await client.end().catch(() => {});
    },
  };
}
