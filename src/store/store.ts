// The storage contract the bot relies on: namespaced values with an optional
// time-to-live, plus the two atomic operations that make several app instances on
// one Redis behave like one (claim-once for de-duplication and locks, counters
// for rate limits), and small durable queues (messages stored before they are
// acknowledged). Implemented over Keyv (SQLite by default, Redis when shared).

export interface QueueItem<T> {
  id: string;
  value: T;
}

export interface Store {
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  /** ttlMs omitted or 0: kept until deleted. */
  set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void>;
  delete(namespace: string, key: string): Promise<boolean>;
  /** Atomically stores `value` if the key is absent (or expired). True when this call stored it. */
  claim(namespace: string, key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes the key only if it still holds `value` (releasing a claim one owns). */
  release(namespace: string, key: string, value: string): Promise<boolean>;
  /** Atomically adds 1; the counter expires ttlMs after its first increment. Returns the new count. */
  increment(namespace: string, key: string, ttlMs: number): Promise<number>;
  /**
   * Appends `value` under `id` to `queue`, durably, with no time-to-live. An id already
   * in the queue keeps its place and value (enqueueing is idempotent).
   */
  enqueue<T>(queue: string, id: string, value: T): Promise<void>;
  /**
   * Claims `id` in `namespace` for ttlMs and appends `value` under it to `queue`, both or
   * neither: false (nothing queued) when the id was claimed already. A claim and an
   * enqueue apart could leave, when the store fails between them, a claim with nothing
   * queued, and the platform's redelivery taken for a duplicate.
   */
  enqueueOnce<T>(namespace: string, queue: string, id: string, value: T, ttlMs: number): Promise<boolean>;
  /** Every item of `queue`, oldest first. */
  pending<T>(queue: string): Promise<QueueItem<T>[]>;
  /** The names of the queues that start with `prefix` and hold at least one item, in no order. */
  queues(prefix: string): Promise<string[]>;
  /** Takes the item out of `queue`. True when it was there. */
  remove(queue: string, id: string): Promise<boolean>;
  close(): Promise<void>;
}
