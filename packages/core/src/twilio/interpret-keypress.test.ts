import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretKeypress, KEYPRESS, type KeypressCommand } from './interpret-keypress';

describe('interpretKeypress', () => {
  const cases: { digits: string | undefined; command: KeypressCommand }[] = [
    { digits: '4', command: { delivered: true, kind: 'act', action: 'acknowledge' } },
    { digits: '6', command: { delivered: true, kind: 'act', action: 'resolve' } },
    { digits: '5', command: { delivered: true, kind: 'act', action: 'escalate' } },
    { digits: '*', command: { delivered: true, kind: 'menu' } },
    { digits: '9', command: { delivered: true, kind: 'menu', prefix: 'Sorry, that key does nothing.' } },
    { digits: '44', command: { delivered: true, kind: 'menu', prefix: 'Sorry, that key does nothing.' } },
    { digits: '', command: { delivered: false, kind: 'menu' } },
    { digits: undefined, command: { delivered: false, kind: 'menu' } },
  ];
  it.each(cases)('digits $digits', ({ digits, command }) => {
    expect(interpretKeypress(digits)).toEqual(command);
  });

  it('property: any key means a person answered; only the menu keys act', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (digits) => {
        const c = interpretKeypress(digits);
        expect(c.delivered).toBe(true);
        expect(c.kind === 'act').toBe(Object.hasOwn(KEYPRESS, digits));
      }),
    );
  });
});
