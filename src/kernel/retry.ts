// How long to wait before trying again, one shape for every retry in the bot: a send
// within a message's delivery (seconds, exponential), a notice about a complaint
// (minutes to hours, a fixed schedule), a call to a platform's API.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  /** The pause after the `failures`-th failure (from 1). */
  delayMs(failures: number): number;
  /** The longest pause it makes: a platform asking for more is put off rather than waited for. */
  readonly maxDelayMs: number;
}

/** base, 2·base, 4·base … capped at max. */
export function exponentialRetry(maxAttempts: number, baseMs: number, maxMs: number): RetryPolicy {
  return { maxAttempts, maxDelayMs: maxMs, delayMs: (failures) => Math.min(maxMs, baseMs * 2 ** (failures - 1)) };
}

/** The pauses in turn; the last one repeats. */
export function scheduledRetry(maxAttempts: number, pausesMs: readonly number[]): RetryPolicy {
  const last = pausesMs[pausesMs.length - 1]!;
  return { maxAttempts, maxDelayMs: Math.max(...pausesMs), delayMs: (failures) => pausesMs[failures - 1] ?? last };
}
