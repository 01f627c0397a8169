// types only: the web UI imports this module (eslint.config.js WEB_CORE_MODULES), without libphonenumber
import type { ContactMethodType } from './contact-method-value';

/** A contact method as a notification rule sees it. */
export interface RuleMethod {
  type: ContactMethodType;
  verified: boolean;
  /** sms: the number replied STOP */
  disabled: boolean;
}

export interface RuleWarning {
  /** the field of the rule it concerns: contactMethodId or urgency */
  path: 'contactMethodId' | 'urgency';
  message: string;
}

/**
 * Why a notification rule on `method` would send nothing (or less than it
 * seems), in plain words, before or after it is made: an unverified phone, a
 * number that replied STOP, a call for low-urgency incidents (which never
 * call), a channel this Heinrich has no provider for (`configured`, when
 * known: configuredChannels). The API keeps such rules (they start working
 * once the method does) and answers these as `warnings`; the UI says them
 * where the rule is made. [] = the rule can page.
 */
export function notificationRuleWarnings(method: RuleMethod, urgency: 'any' | 'high' | 'low', configured?: ReadonlySet<ContactMethodType>): RuleWarning[] {
  const out: RuleWarning[] = [];
  const phone = method.type === 'sms' ? 'SMS' : 'calls';
  if (configured && !configured.has(method.type)) {
    out.push({
      path: 'contactMethodId',
      message:
        method.type === 'slack'
          ? 'Heinrich has no Slack app connected, so this rule sends nothing until an admin connects one.'
          : `Heinrich has no phone provider set up for ${phone}, so this rule sends nothing until an admin sets one up.`,
    });
  }
  // phones page only once verified (contact-method-value's needsVerification)
  if ((method.type === 'sms' || method.type === 'voice') && !method.verified) {
    out.push({ path: 'contactMethodId', message: 'This number is not verified yet: nothing is sent to it until it is. Verify it under Contact methods.' });
  }
  if (method.disabled) {
    out.push({ path: 'contactMethodId', message: 'This number replied STOP: nothing is sent to it until it replies START.' });
  }
  if (method.type === 'voice' && urgency === 'low') {
    out.push({ path: 'urgency', message: 'Low-urgency incidents never call, so this rule would never ring. Choose Any or High, or another method.' });
  }
  return out;
}
