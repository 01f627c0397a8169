/** Keys of the call menu. */
export const KEYPRESS = { '4': 'acknowledge', '6': 'resolve', '5': 'escalate' } as const;
export type Keypress = keyof typeof KEYPRESS;
export type KeypressAction = (typeof KEYPRESS)[Keypress];

/**
 * What a key pressed in the call menu means. Any key means a person answered:
 * the delivery counts as reached (`delivered`); no key (the gather timed out)
 * does not. 4 acknowledges, 6 resolves, 5 escalates; * repeats the menu; any
 * other key says so and repeats it; no key repeats it silently. Pure.
 */
export type KeypressCommand =
  | { delivered: boolean; kind: 'menu'; prefix?: string }
  | { delivered: true; kind: 'act'; action: KeypressAction };

export function interpretKeypress(digits: string | undefined): KeypressCommand {
  const d = digits ?? '';
  if (!d) return { delivered: false, kind: 'menu' };
  if (d === '*') return { delivered: true, kind: 'menu' };
  // own keys only: "__proto__" or "toString" are no menu keys
  if (!Object.hasOwn(KEYPRESS, d)) return { delivered: true, kind: 'menu', prefix: 'Sorry, that key does nothing.' };
  return { delivered: true, kind: 'act', action: KEYPRESS[d as Keypress] };
}
