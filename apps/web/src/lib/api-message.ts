// The API's error messages for people: the instants an error mentions come as
// data (`params` of a field problem, e.g. `{ at: "2026-12-10T17:00:00.000Z" }`)
// and inside the message for the API's other readers; the UI shows them in the
// viewer's zone ("must be after start (Thu 10 Dec, 18:00)", "now is 02:06").
import { ISO_INSTANT_IN_TEXT, formatInstantsIn, formatWhen, type WhenOptions } from './instant-text';

export type ApiMessageParams = Record<string, string | number | boolean | null>;

/**
 * A message as shown: `{name}` placeholders filled from `params` (an instant
 * formatted), then every ISO instant left in the text formatted. Pure; errors
 * read as times, never with "(in 4 min)" (the server's clock said it).
 */
export function formatApiMessage(message: string, params?: ApiMessageParams | null, options: WhenOptions = {}): string {
  const opts = { relative: false, ...options };
  const filled = params
    ? message.replace(/\{(\w+)\}/g, (whole, name: string) => {
        if (!Object.hasOwn(params, name)) return whole;
        const value = params[name];
        if (typeof value === 'string' && isInstant(value)) return formatWhen(value, opts);
        return String(value);
      })
    : message;
  return formatInstantsIn(withoutDocReferences(filled), opts);
}

/**
 * A sentence without the pointers to the project's docs the API adds for
 * operators ("… is not paged (docs/twilio.md)", "…; docs/twilio.md)"): the
 * on-call engineer reading the UI has no docs/ folder.
 */
export function withoutDocReferences(text: string): string {
  return text
    .replace(/\s*\((?:see\s+)?docs\/[\w./-]+\.md(?:\s+"[^"]*")?(?:,\s*docs\/[\w./-]+\.md(?:\s+"[^"]*")?)*\)/g, '')
    .replace(/;\s*docs\/[\w./-]+\.md(?:\s+"[^"]*")?\)/g, ')');
}

function isInstant(value: string): boolean {
  ISO_INSTANT_IN_TEXT.lastIndex = 0;
  const m = ISO_INSTANT_IN_TEXT.exec(value);
  ISO_INSTANT_IN_TEXT.lastIndex = 0;
  return m !== null && m[0] === value;
}
