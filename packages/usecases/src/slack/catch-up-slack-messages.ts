// The Slack sync's periodic backstop for late-committed timeline entries, from the database package.
export { catchUpSlackMessages } from '@heinrich/db/slack/catch-up-slack-messages';
