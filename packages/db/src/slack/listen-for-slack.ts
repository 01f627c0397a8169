import pg from 'pg';

export const SLACK_CHANNEL = 'heinrich_slack';

/**
 * LISTEN heinrich_slack on a connection of its own: `onNotify(incidentId | '')`
 * runs after every commit that added a timeline entry to an incident with
 * Slack messages (its id) or created messages to post (''). A lost connection
 * is reported through `onError`; the sweeper covers the gap.
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
