// Waiting between attempts (as src/kernel/retry.ts says how long), shared by the client's retries and the polling loop.
// The sleep is injectable so tests run without real delays.
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves after `ms`; rejects with the signal's AbortError when the signal fires first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};
