export type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
