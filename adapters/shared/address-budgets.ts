// Budgets per client address (so many tries per window), counted by @fastify/rate-limit
// in the project's store, so that every instance behind a load balancer shares one count
// (Redis when instances share, SQLite on one machine). Routes call a budget themselves
// instead of using the plugin's route hook: one budget can cover several routes, and
// some count only what the handler finds out (a chat message that asks for a lookup).
import fastifyRateLimit, { normalizeIP, type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../src/store/store.ts';

const NAMESPACE = 'address-budget';

export interface AddressBudget {
  /** Counts one try by the request's client address; true while the address is within the budget. */
  take(request: FastifyRequest): Promise<boolean>;
  /** Forgets the address's count (a right password clears the failed sign-ins). */
  clear(request: FastifyRequest): Promise<void>;
  /** Seconds a refused address waits at most before it may try again. */
  readonly retryAfterSeconds: number;
}

export type AddressBudgets = (name: string, max: number, windowMs: number) => AddressBudget;

/** Registers the rate-limit plugin on `app` (no route limited by itself) and returns a maker of named budgets. */
export async function registerAddressBudgets(app: FastifyInstance, store: Store): Promise<AddressBudgets> {
  await app.register(fastifyRateLimit, { global: false, store: storeBacked(store) });
  return (name, max, windowMs) => {
    // IPv6 addresses count by their /64, as the plugin does by default: one home gets many addresses.
    const keyOf = (request: FastifyRequest) => `${name}:${normalizeIP(request.ip)}`;
    const check = app.createRateLimit({ max, timeWindow: windowMs, keyGenerator: keyOf });
    return {
      async take(request) {
        const verdict = await check(request);
        return verdict.isAllowed || !verdict.isExceeded;
      },
      async clear(request) {
        await store.delete(NAMESPACE, keyOf(request));
      },
      retryAfterSeconds: Math.ceil(windowMs / 1000),
    };
  };
}

/**
 * The plugin's store interface over Store.increment, which is atomic on both backends:
 * tries sent all at once are counted all at once. The store does not tell how much of
 * the window is left, so the whole window is given as the time to wait.
 */
function storeBacked(store: Store): FastifyRateLimitStoreCtor {
  return class StoreBackedCounts implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      store.increment(NAMESPACE, key, timeWindow).then(
        (current) => callback(null, { current, ttl: timeWindow }),
        (error: Error) => callback(error),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
