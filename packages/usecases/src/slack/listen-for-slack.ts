// The worker's wake-up for the Slack sync (LISTEN heinrich_slack), from the database package.
export { listenForSlack } from '@heinrich/db/slack/listen-for-slack';
