/**
 * Runs an async job on request, one run at a time: requests that arrive during a run coalesce
 * into exactly one more run after it, so a burst of wake-ups costs at most two runs.
 */
export class SerialRunner {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.job()
      .catch(this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.request();
        }
      });
  }

  /** No further runs; settles when the current one has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again = false;
    await this.running;
  }
}
