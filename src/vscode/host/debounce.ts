// A restartable timer whose pending run can be awaited: `whenIdle()` needs to know whether work is
// still scheduled, not only whether it is running.
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fired: Promise<void> | undefined;
  private release: (() => void) | undefined;

  constructor(private readonly action: () => void) {}

  /** (Re)starts the timer: typing keeps pushing the run back until a pause of `delayMs`. */
  schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.fired) this.fired = new Promise((resolve) => (this.release = resolve));
    this.timer = setTimeout(() => this.fire(), delayMs);
  }

  /** Resolves once the scheduled run has happened (immediately when nothing is scheduled). */
  pending(): Promise<void> | undefined {
    return this.fired;
  }

  fire(): void {
    if (this.timer) clearTimeout(this.timer);
    const release = this.release;
    this.timer = this.fired = this.release = undefined;
    this.action();
    release?.();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    const release = this.release;
    this.timer = this.fired = this.release = undefined;
    release?.();
  }
}
