import type { ApiError, FieldProblem } from '../api/client';

/**
 * API wording made readable for a person filling in a form: no dotted paths,
 * no "Request body is invalid", a capital letter and a full stop. A few
 * problems people meet often get their own sentence (REWORD); the rest keep the
 * API's words, which already say what is wrong ("must be at most 200 characters").
 */
const REWORD: { path: RegExp; message: RegExp; text: string }[] = [
  { path: /(^|\.)members$/, message: /at least one/, text: 'Add at least one person to this layer.' },
  { path: /(^|\.)layers$/, message: /non-empty array|at least one/, text: 'Add at least one layer: a schedule without layers pages nobody.' },
  { path: /(^|\.)timeZone$/, message: /unknown time zone|IANA/, text: 'Choose a time zone from the list, such as Europe/Berlin.' },
  { path: /(^|\.)(teamId|contactMethodId|escalationPolicyId|userId)$/, message: /uuid|must be a .*id/i, text: 'Choose one from the list.' },
  // ha: no ids in messages: "refers to user <uuid>, which does not exist"
  { path: /./, message: /^refers to [\w ]+ [0-9a-f-]{36}, which does not exist$/i, text: 'What was chosen here no longer exists (deleted meanwhile?): reload the page and choose again.' },
  { path: /./, message: /^is not a known field$/, text: 'This is not something this form can set.' },
  { path: /./, message: /^is required$/, text: 'This is required.' },
  { path: /./, message: /^must not be empty$|^must be a non-empty string$/, text: 'This can’t be empty.' },
];

/** One problem of one field, in plain words. */
export function plainMessage(path: string, message: string): string {
  for (const r of REWORD) if (r.path.test(path) && r.message.test(message)) return r.text;
  const text = message.trim();
  if (!text) return 'This is not valid.';
  const sentence = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The API's general message without the developer's framing ("Request body is invalid: name must…"). */
export function plainGeneralMessage(error: ApiError): string {
  const m = error.message.trim();
  const framed = /^(Request body|Query|Path) is invalid:?\s*(.*)$/s.exec(m);
  if (!framed) return m;
  const first = error.fields[0];
  if (first) return plainMessage(first.path, first.message);
  return framed[2] ? plainMessage('', framed[2]) : 'Some of this is not valid. Check the form and try again.';
}

/** Whether `shown` (a path some field of the form owns) owns problem `f`: the same path or one under it. */
export function owns(shown: string, f: FieldProblem): boolean {
  return f.path === shown || f.path.startsWith(`${shown}.`);
}
