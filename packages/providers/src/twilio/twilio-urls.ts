/** The webhook paths Twilio is given (and that the api serves under /api/v1/twilio). */
export const TWILIO_PATHS = {
  sms: '/api/v1/twilio/sms',
  status: '/api/v1/twilio/status',
  voice: '/api/v1/twilio/voice',
  gather: '/api/v1/twilio/voice/gather',
} as const;

/** `${PUBLIC_URL}/api/v1/twilio/<what>?delivery=<id>`: the delivery id finds the row even before its provider id is recorded. */
export function twilioCallbackUrl(publicUrl: string, what: keyof typeof TWILIO_PATHS, deliveryId?: string): string {
  const base = `${publicUrl.replace(/\/$/, '')}${TWILIO_PATHS[what]}`;
  return deliveryId ? `${base}?delivery=${encodeURIComponent(deliveryId)}` : base;
}
