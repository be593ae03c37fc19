// Per-chat ordering: within one process and across app instances sharing a store.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatLock } from '../../src/store/chat-lock.ts';
import type { Store } from '../../src/store/store.ts';
import { backendMakers, type Backend } from './backends.ts';

const options = { ttlMs: 5_000, retryMs: 2 };

/** Counts how many runs are inside at once and remembers the most seen. */
function occupancy() {
  let inside = 0;
  let most = 0;
  return {
    async visit(ms: number): Promise<void> {
      inside += 1;
      most = Math.max(most, inside);
      await sleep(ms);
      inside -= 1;
    },
    get most() {
      return most;
    },
  };
}

function failAfter(ms: number, what: string): Promise<never> {
  return sleep(ms).then(() => {
    throw new Error(`timed out: ${what}`);
  });
}

describe.each(backendMakers)('chat lock on %s', (_name, makeBackend) => {
  let backend: Backend;

  beforeEach(() => {
    backend = makeBackend();
  });
  afterEach(async () => {
    await backend.cleanup();
  });

  it('two instances never run the same chat at once', async () => {
    const first = createChatLock(await backend.open(), options);
    const second = createChatLock(await backend.open(), options);
    const room = occupancy();
    const done: string[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? first : second).run('telegram:42', async () => {
          await room.visit(i % 3);
          done.push(`run ${i}`);
        }),
      ),
    );
    expect(done).toHaveLength(40);
    expect(room.most).toBe(1);
  });

  it('runs different chats in parallel', async () => {
    const first = createChatLock(await backend.open(), options);
    const second = createChatLock(await backend.open(), options);
    let enteredA!: () => void;
    let enteredB!: () => void;
    const a = new Promise<void>((resolve) => (enteredA = resolve));
    const b = new Promise<void>((resolve) => (enteredB = resolve));
    // Each run waits inside for the other to enter: this finishes only if both are inside together.
    const both = Promise.all([
      first.run('zalo:1', async () => {
        enteredA();
        await b;
      }),
      first.run('zalo:2', async () => {
        enteredB();
        await a;
      }),
      second.run('zalo:3', async () => {
        await Promise.all([a, b]);
      }),
    ]);
    await Promise.race([both, failAfter(2_000, 'different chats waited for each other')]);
  });

  it('keeps arrival order within one process and passes on results and errors', async () => {
    const lock = createChatLock(await backend.open(), options);
    const order: number[] = [];
    const runs = Array.from({ length: 10 }, (_, i) =>
      lock.run('web:7', async () => {
        await sleep(i % 2 === 0 ? 5 : 0);
        order.push(i);
        if (i === 4) throw new Error('handler failed');
        return i * 10;
      }),
    );
    const settled = await Promise.allSettled(runs);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(settled[3]).toEqual({ status: 'fulfilled', value: 30 });
    expect(settled[4]).toMatchObject({ status: 'rejected', reason: { message: 'handler failed' } });
    expect(settled[9]).toEqual({ status: 'fulfilled', value: 90 });
  });

  it('releases the lock after each run, also when it throws', async () => {
    const store = await backend.open();
    const lock = createChatLock(store, options);
    await expect(
      lock.run('web:8', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.claim('chat-lock', 'web:8', 'test', 1_000)).toBe(true);
  });

  it('gives up with a clear error while another instance keeps the lock', async () => {
    const store = await backend.open();
    await store.claim('chat-lock', 'web:9', 'another instance', 10_000);
    const lock = createChatLock(store, { ttlMs: 10_000, retryMs: 10, waitMs: 100 });
    const started = Date.now();
    await expect(lock.run('web:9', async () => 'ran')).rejects.toThrow(
      "chat lock 'web:9': still held by another instance after 100 ms",
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([
    ['its answer is lost after the claim was stored (a connection reset): the run fails', 'claim', 'read ECONNRESET'],
    ['the release fails (the store restarting): the run has its result', 'release', undefined],
  ] as const)('lets go of the lock as soon as the store answers again when %s, not after its ttl', async (_case, failing, error) => {
    const store = await backend.open();
    let down = true;
    const flaky: Store = Object.assign(Object.create(store) as Store, {
      async [failing](...args: Parameters<Store['claim']>) {
        // Done by the store, but the caller hears of a failure while it is down.
        const done = await (store[failing] as (...a: typeof args) => Promise<boolean>)(...args);
        if (down) throw new Error('read ECONNRESET');
        return done;
      },
    });
    const lock = createChatLock(flaky, { ttlMs: 60_000, retryMs: 10, waitMs: 2_000 });
    const first = lock.run('web:11', async () => 'ran');
    if (error) await expect(first).rejects.toThrow(error);
    else expect(await first).toBe('ran');
    down = false;
    const started = Date.now();
    expect(await createChatLock(store, { ttlMs: 60_000, retryMs: 10, waitMs: 5_000 }).run('web:11', async () => 'ran')).toBe('ran');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('takes over the lock of an instance that crashed once it expires', async () => {
    const store = await backend.open();
    await store.claim('chat-lock', 'web:10', 'crashed instance', 80);
    const lock = createChatLock(store, { ttlMs: 200, retryMs: 10 });
    expect(await lock.run('web:10', async () => 'ran')).toBe('ran');
  });
});
