import { AppError } from '../app-error';
import { needsVerification, type ContactMethodType } from './contact-method-value';
import { CHANNEL_LABEL } from './plan-delivery';

/** One test page per contact method per this many seconds. */
export const TEST_PAGE_INTERVAL_SECONDS = 60;

/** A contact method as the test-page decision reads it. */
export interface TestPageMethod {
  type: ContactMethodType;
  verifiedAt: Date | null;
  disabledAt: Date | null;
}

/**
 * Whether a test page may go to this method now: a phone number must be
 * verified (verification is its own test) and not opted out, and the method
 * must not have had a test page in the last minute (429 with the seconds to wait).
 */
export function decideTestPage(input: { method: TestPageMethod; lastTestAt: Date | null; now: Date }): { ok: true } | { ok: false; error: AppError } {
  const { method, lastTestAt, now } = input;
  const label = CHANNEL_LABEL[method.type];
  if (needsVerification(method.type) && method.verifiedAt === null) {
    return { ok: false, error: new AppError('conflict', `This ${label} number is not verified yet: verify it first (the code that was sent), then send a test page`) };
  }
  if (method.disabledAt !== null) {
    return { ok: false, error: new AppError('conflict', `This ${label} number replied STOP and is not paged; reply START from the phone, then send a test page`) };
  }
  if (lastTestAt) {
    const waitMs = lastTestAt.getTime() + TEST_PAGE_INTERVAL_SECONDS * 1000 - now.getTime();
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return {
        ok: false,
        error: new AppError('rate_limited', `A test page went to this contact method less than a minute ago; try again in ${seconds} second${seconds === 1 ? '' : 's'}`, [], seconds),
      };
    }
  }
  return { ok: true };
}

/** The test incident's title: what the person reads on their phone, in Slack or in the webhook's payload. */
export function testPageTitle(sentBy: string, forUser: string): string {
  return sentBy === forUser ? `Test page for ${forUser}: this contact method works` : `Test page for ${forUser}, sent by ${sentBy}: this contact method works`;
}
