/**
 * The engine's clock in a test: stands still until the test moves it, or
 * (`'real'`) the real clock, for tests with worker processes.
 */
export class TestClock {
  private t: number;
  private readonly real: boolean;

  constructor(iso: string | 'real') {
    this.real = iso === 'real';
    this.t = this.real ? 0 : Date.parse(iso);
  }

  readonly now = (): Date => (this.real ? new Date() : new Date(this.t));

  advanceMinutes(minutes: number): Date {
    if (this.real) throw new Error('the real clock cannot be moved');
    this.t += minutes * 60_000;
    return this.now();
  }
}
