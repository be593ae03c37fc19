// While the serving thread takes in a backlog of platform updates, the answering thread
// works out answers at a trickle, so that storing and acknowledging the updates gets the
// CPU; once the backlog is in, it answers at full speed again. Answers come no later on the
// whole (the answering is the slower part either way), and what a platform pushes is safe
// in the queue sooner. Measured in bench/webhook.ts: with the answering thread at full
// speed beside them, acknowledgements ran at about half the rate they reach alone, whatever
// its nice value (the two threads run on the machine's two cores, not on one).

/** While held, one answer is let through this often, so that a long backlog never stops answers. */
const TRICKLE_MS = 20;

export class AnswerPace {
  private held = false;
  private readonly waiting: (() => void)[] = [];
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly trickleMs = TRICKLE_MS) {}

  /** Held (a backlog is coming in) or let go. */
  hold(held: boolean): void {
    this.held = held;
    if (held) return;
    this.stopTicking();
    for (const go of this.waiting.splice(0)) go();
  }

  /** Resolves when the next answer may be worked out: at once, or while held one per trickle, oldest first. */
  turn(): Promise<void> {
    if (!this.held) return Promise.resolve();
    return new Promise((go) => {
      this.waiting.push(go);
      this.ticker ??= setInterval(() => this.letOneThrough(), this.trickleMs);
    });
  }

  private letOneThrough(): void {
    this.waiting.shift()?.();
    if (this.waiting.length === 0) this.stopTicking();
  }

  private stopTicking(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
