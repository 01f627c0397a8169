// The api's view of Twilio (signature checks, verification codes), built in
// apps/api main.ts by @heinrich/providers; re-exported so routes need no provider import.
export type { TwilioGateway } from '@heinrich/providers/twilio/twilio-gateway';
