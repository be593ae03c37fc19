// Per-chat ordering for the message pipeline: one chat's messages are handled one
// at a time, in arrival order within this process, and never at the same time as
// another app instance handles the same chat.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from './store.ts';

const NAMESPACE = 'chat-lock';
/** How often a release that failed is tried again. */
const RELEASE_RETRY_MS = 250;

export interface ChatLockOptions {
  /**
   * How long the cross-instance lock lasts if its holder never releases it (a
   * crashed instance). Must exceed the longest `fn`: past it another instance may enter.
   */
  ttlMs: number;
  /** Pause between attempts while another instance holds the lock. */
  retryMs: number;
  /** Give up after waiting this long for another instance; default ttlMs, by when a crashed holder's lock has expired. */
  waitMs?: number;
}

export interface ChatLock {
  /** Runs `fn` once every earlier `run` with the same key has finished, holding the lock for `key` throughout. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function createChatLock(store: Store, options: ChatLockOptions): ChatLock {
  return new StoreChatLock(store, options);
}

class StoreChatLock implements ChatLock {
  private readonly ttlMs: number;
  private readonly retryMs: number;
  private readonly waitMs: number;
  // The last queued run per key, settled either way; removed when no run follows it.
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    options: ChatLockOptions,
  ) {
    this.ttlMs = options.ttlMs;
    this.retryMs = options.retryMs;
    this.waitMs = options.waitMs ?? options.ttlMs;
  }

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => this.runLocked(key, fn));
    const tail = result.then(
      () => {},
      () => {},
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  private async acquire(key: string, owner: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    while (!(await this.store.claim(NAMESPACE, key, owner, this.ttlMs))) {
      if (Date.now() + this.retryMs > deadline) {
        throw new Error(`chat lock '${key}': still held by another instance after ${this.waitMs} ms`);
      }
      await sleep(this.retryMs);
    }
  }

  private async runLocked<T>(key: string, fn: () => Promise<T>): Promise<T> {
    // A token of our own, so that we never release a lock that expired and was taken by another instance.
    const owner = randomUUID();
    try {
      await this.acquire(key, owner);
    } catch (error) {
      // A claim whose answer was lost (the connection reset) may have been taken: let it go too.
      this.releaseLater(key, owner);
      throw error;
    }
    try {
      return await fn();
    } finally {
      await this.store.release(NAMESPACE, key, owner).catch(() => this.releaseLater(key, owner));
    }
  }

  /**
   * The store failed while the lock was held or being taken (Redis restarting): left alone,
   * the lock would keep the chat waiting for its whole ttl. Released as soon as the store
   * answers again; only if it is still ours, so letting go of one never taken is harmless.
   */
  private releaseLater(key: string, owner: string): void {
    const giveUpAt = Date.now() + this.ttlMs;
    void (async () => {
      while (Date.now() < giveUpAt) {
        // Unreferenced: a store closed for good (the process shutting down) must not keep the process alive.
        await sleep(Math.max(this.retryMs, RELEASE_RETRY_MS), undefined, { ref: false });
        if (await this.store.release(NAMESPACE, key, owner).then(() => true, () => false)) return;
      }
    })();
  }
}
