/**
 * Everything the bench started, undone in reverse order: on success, on failure, on Ctrl-C and
 * when the time bound runs out. Each step runs once and its failure does not skip the others.
 */
export class Cleanup {
  private readonly steps: { name: string; undo: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  /** Registers `undo`; the returned function runs it now (once) and unregisters it. */
  add(name: string, undo: () => Promise<void> | void): () => Promise<void> {
    const step = { name, undo };
    // Made while (or after) everything is being undone: undo it at once.
    if (this.running) {
      const undone = this.runStep(step);
      return () => undone;
    }
    this.steps.push(step);
    return async () => {
      const index = this.steps.indexOf(step);
      if (index < 0) return;
      this.steps.splice(index, 1);
      await this.runStep(step);
    };
  }

  /** Runs every registered step, newest first. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) await this.runStep(this.steps.pop()!);
    })();
    return this.running;
  }

  private async runStep(step: { name: string; undo: () => Promise<void> | void }): Promise<void> {
    try {
      await step.undo();
    } catch (error) {
      this.log(`cleanup: ${step.name}: ${(error as Error).message}`);
    }
  }
}
