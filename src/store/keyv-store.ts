// What both backends share: get/set/delete go through Keyv, and every entry lives
// under `<prefix>:<namespace>:<key>` as plain JSON `{"value": …}` (Keyv adds
// "expires"). The atomic operations of each backend (SQL, Lua) read and write
// those same keys in that same shape, so `get` sees what `claim` or `increment`
// stored and `claim` sees what `set` stored.
import { Keyv, type KeyvStoreAdapter } from 'keyv';
import type { QueueItem, Store } from './store.ts';

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

function requireName(what: string, name: string): void {
  if (name === '' || name.includes(':')) {
    throw new RangeError(`store: invalid ${what} '${name}' (non-empty, without ':')`);
  }
}

export abstract class KeyvStore implements Store {
  protected constructor(
    protected readonly keyv: Keyv,
    protected readonly prefix: string,
  ) {}

  /** The backend key; namespaces may not contain ':' so that no two (namespace, key) pairs collide. */
  protected keyOf(namespace: string, key: string): string {
    requireName('namespace', namespace);
    return `${this.prefix}:${namespace}:${key}`;
  }

  /** Where a queue lives: after an empty namespace, which no keyOf() key can have. */
  protected queueKey(queue: string): string {
    requireName('queue', queue);
    return `${this.prefix}::queue:${queue}`;
  }

  /** The queue a queueKey() key names. */
  protected queueOfKey(key: string): string {
    return key.slice(`${this.prefix}::queue:`.length);
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
  abstract enqueue<T>(queue: string, id: string, value: T): Promise<void>;
  abstract enqueueOnce<T>(namespace: string, queue: string, id: string, value: T, ttlMs: number): Promise<boolean>;
  abstract pending<T>(queue: string): Promise<QueueItem<T>[]>;
  abstract queues(prefix: string): Promise<string[]>;
  abstract remove(queue: string, id: string): Promise<boolean>;
  abstract close(): Promise<void>;
}
