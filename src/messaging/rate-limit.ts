// How many messages one chat may send per minute, counted in the store so that
// every app instance sees the same count.
import type { Store } from '../store/store.ts';

const WINDOW_MS = 60_000;

/**
 * within: answer as usual. first_over: the first message past the limit in this
 * minute, which gets the polite "slow down". again_over: later ones, which get no
 * answer on push channels (a reply to each would itself flood the chat).
 */
export type RateVerdict = 'within' | 'first_over' | 'again_over';

export type RateLimiter = (chatKey: string) => Promise<RateVerdict>;

export function createRateLimiter(store: Store, perMinute: number): RateLimiter {
  return async (chatKey) => {
    const count = await store.increment('rate', chatKey, WINDOW_MS);
    if (count <= perMinute) return 'within';
    return count === perMinute + 1 ? 'first_over' : 'again_over';
  };
}
