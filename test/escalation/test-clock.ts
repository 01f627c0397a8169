/** The engine's clock in a test: stands still until the test moves it. */
export class TestClock {
  private t: number;

  constructor(iso: string) {
    this.t = Date.parse(iso);
  }

  readonly now = (): Date => new Date(this.t);

  advanceMinutes(minutes: number): Date {
    this.t += minutes * 60_000;
    return this.now();
  }
}
