import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ContactMethodType } from './contact-method-value';
import { CHANNEL_LABEL } from './plan-delivery';

/** What stands for the hidden part of a value. */
export const MASK = '•••';

/**
 * A contact method's value as anyone may see it (docs/authorization.md "Contact
 * methods"): a webhook by its host (`hooks.example.com`, no path, query or
 * credentials), a phone number by its country code and last two digits
 * (`+49 ••• 67`), a Slack member id by its first and last two characters
 * (`U0•••LH`), an email by its first character and domain (`a•••@example.com`).
 * A log method's label is no secret and stays. Pure.
 */
export function maskContactValue(type: ContactMethodType | string, value: string): string {
  switch (type) {
    case 'webhook':
      return maskUrl(value);
    case 'sms':
    case 'voice':
      return maskPhone(value);
    case 'slack':
      return value.includes('@') ? maskEmail(value) : maskId(value);
    case 'log':
      return value.length > 60 ? `${value.slice(0, 57)}...` : value;
    default:
      return MASK;
  }
}

/** "webhook to hooks.example.com", "SMS to +49 ••• 67": how a method is named where its value is not to be shown. */
export function describeContactMethod(type: ContactMethodType | string, value: string): string {
  return `${CHANNEL_LABEL[type as ContactMethodType] ?? type} to ${maskContactValue(type, value)}`;
}

/** `https://user:pw@hooks.example.com:8443/secret?token=x` -> `hooks.example.com:8443` */
export function maskUrl(value: string): string {
  try {
    const host = new URL(value).host;
    return host || MASK;
  } catch {
    return MASK;
  }
}

/** `+4915112345667` -> `+49 ••• 67`; not readable as a number: `+••• 67` */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  const last = digits.slice(-2);
  const phone = parsePhoneNumberFromString(value.startsWith('+') ? value : `+${digits}`);
  if (phone && digits.length > 4) return `+${phone.countryCallingCode} ${MASK} ${last}`;
  return digits.length > 4 ? `+${MASK} ${last}` : MASK;
}

/** `alice@example.com` -> `a•••@example.com` */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return MASK;
  return `${value[0]}${MASK}${value.slice(at)}`;
}

/** `U024BE7LH` -> `U0•••LH` */
function maskId(value: string): string {
  return value.length > 6 ? `${value.slice(0, 2)}${MASK}${value.slice(-2)}` : MASK;
}
