// The Slack sync's sweeper: incidents with messages to post or bring up to date.
export { findSlackWork } from '@heinrich/db/slack/find-slack-work';
