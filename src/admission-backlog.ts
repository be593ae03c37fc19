// Whether a platform is pushing a backlog of updates at the serving thread: how many
// updates wait to be stored at once, at its peak in each short window. Everyday traffic
// has one or none waiting; a platform emptying its queue for the bot (after an outage, a
// surge) keeps dozens of connections busy (Telegram up to 40). `onChange` hears when such
// a backlog starts and when it ends (see messaging/answer-pace.ts for what that changes).
import type { Admit } from './kernel/messages.ts';

export interface BacklogOptions {
  /** Updates waiting at once that make a backlog. Default 16. */
  atLeast?: number;
  /** How often the peak is read. Default 100 ms. */
  windowMs?: number;
}

export class AdmissionBacklog {
  private waiting = 0;
  private peak = 0;
  private backlog = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly atLeast: number;
  private readonly windowMs: number;

  constructor(
    private readonly onChange: (backlog: boolean) => void,
    options: BacklogOptions = {},
  ) {
    this.atLeast = options.atLeast ?? 16;
    this.windowMs = options.windowMs ?? 100;
  }

  /** `admit`, with the updates it is storing counted. */
  counted(admit: Admit): Admit {
    return async (incoming) => {
      this.peak = Math.max(this.peak, ++this.waiting);
      // Read only while updates come: an idle server runs no timer.
      this.timer ??= setInterval(() => this.read(), this.windowMs).unref();
      try {
        return await admit(incoming);
      } finally {
        this.waiting--;
      }
    };
  }

  /** A backlog is coming in (as last told to `onChange`). */
  get on(): boolean {
    return this.backlog;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private read(): void {
    const backlog = this.peak >= this.atLeast;
    this.peak = this.waiting;
    if (backlog !== this.backlog) {
      this.backlog = backlog;
      this.onChange(backlog);
    }
    if (!backlog && this.waiting === 0) this.stop();
  }
}
