// What both backends share: get/set/delete go through Keyv, and every entry lives
// under `<prefix>:<namespace>:<key>` as plain JSON `{"value": …}` (Keyv adds
// "expires"). The atomic operations of each backend (SQL, Lua) read and write
// those same keys in that same shape, so `get` sees what `claim` or `increment`
// stored and `claim` sees what `set` stored.
import { Keyv, type KeyvStoreAdapter } from 'keyv';
import type { Store } from './store.ts';

/**
 * A Keyv over `adapter` that takes our keys as they are and stores plain JSON:
 * Keyv's default serializer escapes some strings, which the backends' own SQL
 * and Lua could then not read or write.
 */
export function createKeyv(adapter: KeyvStoreAdapter): Keyv {
  const keyv = new Keyv(adapter, {
    serialize: JSON.stringify,
    deserialize: JSON.parse,
    useKeyPrefix: false,
    // Errors must reach the caller: a Store that answered "absent" while its
    // backend is down would let duplicates and rate-limited messages through.
    throwOnErrors: true,
  });
  keyv.namespace = undefined;
  return keyv;
}

/** The stored text of an entry written by an atomic operation (no "expires": the backend keeps it). */
export function encodeEntry(value: unknown): string {
  return JSON.stringify({ value });
}

/** Throws unless ttlMs is a whole number of milliseconds above zero. */
export function requirePositiveTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`store: ttlMs must be a positive integer, got ${ttlMs}`);
  }
}

export abstract class KeyvStore implements Store {
  protected constructor(
    protected readonly keyv: Keyv,
    private readonly prefix: string,
  ) {}

  /** The backend key; namespaces may not contain ':' so that no two (namespace, key) pairs collide. */
  protected keyOf(namespace: string, key: string): string {
    if (namespace === '' || namespace.includes(':')) {
      throw new RangeError(`store: invalid namespace '${namespace}' (non-empty, without ':')`);
    }
    return `${this.prefix}:${namespace}:${key}`;
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    return this.keyv.get<T>(this.keyOf(namespace, key));
  }

  async set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
    const keepForever = ttlMs === undefined || ttlMs === 0;
    if (!keepForever) requirePositiveTtl(ttlMs);
    await this.keyv.set(this.keyOf(namespace, key), value, keepForever ? undefined : ttlMs);
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    return this.keyv.delete(this.keyOf(namespace, key));
  }

  abstract claim(namespace: string, key: string, value: string, ttlMs: number): Promise<boolean>;
  abstract release(namespace: string, key: string, value: string): Promise<boolean>;
  abstract increment(namespace: string, key: string, ttlMs: number): Promise<number>;
  abstract close(): Promise<void>;
}
