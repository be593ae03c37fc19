// The Store contract (src/store/store.ts), run the same way against SQLite and
// Redis. TTLs are short and the waits real: expiry is the backend's, not a fake clock's.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { backendMakers, type Backend } from './backends.ts';

// Long enough that the checks right after a write still fall inside it on a busy machine.
const SHORT_TTL = 100;
const PAST_SHORT_TTL = 150;

describe.each(backendMakers)('%s store', (_name, makeBackend) => {
  let backend: Backend;
  let store: Store;

  beforeEach(async () => {
    backend = makeBackend();
    store = await backend.open();
  });
  afterEach(async () => {
    await backend.cleanup();
  });

  describe('get, set, delete', () => {
    it('stores, overwrites and deletes a value', async () => {
      expect(await store.get('answers', 'q1')).toBeUndefined();
      await store.set('answers', 'q1', 'first');
      expect(await store.get('answers', 'q1')).toBe('first');
      await store.set('answers', 'q1', 'second');
      expect(await store.get<string>('answers', 'q1')).toBe('second');
      expect(await store.delete('answers', 'q1')).toBe(true);
      expect(await store.get('answers', 'q1')).toBeUndefined();
      expect(await store.delete('answers', 'q1')).toBe(false);
    });

    it('round-trips objects, numbers, null and Vietnamese text', async () => {
      const values: Record<string, unknown> = {
        object: {
          procedure: 'Đăng ký khai sinh',
          documents: ['Giấy chứng sinh', 'Căn cước của cha, mẹ'],
          fee: { amount: 0, currency: 'đồng' },
          online: true,
          note: null,
        },
        vietnamese: 'Làm giấy khai sinh cho con cần gì? Lệ phí bao nhiêu ạ 🙏',
        decomposed: 'Ho\u0302\u0300 so\u031b', // combining marks stay as they were written
        colon: ':starts with a colon',
        number: 42.5,
        zero: 0,
        nothing: null,
        list: [1, 'hai', { ba: 3 }],
      };
      for (const [key, value] of Object.entries(values)) await store.set('values', key, value);
      for (const [key, value] of Object.entries(values)) expect(await store.get('values', key)).toEqual(value);
    });

    it('shares values between two instances on one database', async () => {
      const other = await backend.open();
      await store.set('shared', 'k', { from: 'first instance' });
      expect(await other.get('shared', 'k')).toEqual({ from: 'first instance' });
      expect(await other.delete('shared', 'k')).toBe(true);
      expect(await store.get('shared', 'k')).toBeUndefined();
    });
  });

  describe('time to live', () => {
    it('forgets a value once its time is up, and deleting it then finds nothing', async () => {
      await store.set('ttl', 'short', 'soon gone', SHORT_TTL);
      await store.set('ttl', 'forever', 'stays', 0);
      await store.set('ttl', 'no-ttl', 'stays too');
      expect(await store.get('ttl', 'short')).toBe('soon gone');
      await sleep(PAST_SHORT_TTL);
      expect(await store.get('ttl', 'short')).toBeUndefined();
      expect(await store.delete('ttl', 'short')).toBe(false);
      expect(await store.get('ttl', 'forever')).toBe('stays');
      expect(await store.get('ttl', 'no-ttl')).toBe('stays too');
    });

    it('a new set replaces the old time to live', async () => {
      await store.set('ttl', 'k', 'short', SHORT_TTL);
      await store.set('ttl', 'k', 'long');
      await sleep(PAST_SHORT_TTL);
      expect(await store.get('ttl', 'k')).toBe('long');
    });

    it('rejects a negative or fractional time to live', async () => {
      await expect(store.set('ttl', 'k', 1, -5)).rejects.toThrow(RangeError);
      await expect(store.claim('ttl', 'k', 'x', 0)).rejects.toThrow(/ttlMs must be a positive integer/);
      await expect(store.increment('ttl', 'k', 1.5)).rejects.toThrow(RangeError);
    });
  });

  describe('namespaces', () => {
    it('keeps the same key apart in different namespaces', async () => {
      await store.set('dedup', 'k', 'in dedup');
      await store.set('rate', 'k', 'in rate');
      expect(await store.get('dedup', 'k')).toBe('in dedup');
      expect(await store.get('rate', 'k')).toBe('in rate');
      expect(await store.delete('dedup', 'k')).toBe(true);
      expect(await store.get('rate', 'k')).toBe('in rate');
      expect(await store.claim('dedup', 'k', 'owner', 1000)).toBe(true);
      expect(await store.claim('rate', 'k', 'owner', 1000)).toBe(false);
      expect(await store.increment('counts', 'k', 1000)).toBe(1);
    });

    it('keeps apart keys that would join alike', async () => {
      await store.set('a', 'b:c', 'one');
      expect(await store.get('a', 'b:c')).toBe('one');
      await expect(store.set('a:b', 'c', 'two')).rejects.toThrow(/invalid namespace/);
      await expect(store.get('', 'c')).rejects.toThrow(/invalid namespace/);
    });

    it('keeps stores with different prefixes apart on one database', async () => {
      const { openStore } = await import('../../src/store/open-store.ts');
      const other = await openStore(backend.url, { prefix: `${backend.prefix}-other` });
      try {
        await store.set('ns', 'k', 'mine');
        expect(await other.get('ns', 'k')).toBeUndefined();
        expect(await other.claim('ns', 'k', 'x', 1000)).toBe(true);
        expect(await store.get('ns', 'k')).toBe('mine');
        await other.delete('ns', 'k');
      } finally {
        await other.close();
      }
    });
  });

  describe('claim and release', () => {
    it('claims once; a second claim fails until the first expires', async () => {
      expect(await store.claim('dedup', 'telegram:1001', 'a', SHORT_TTL)).toBe(true);
      expect(await store.claim('dedup', 'telegram:1001', 'b', SHORT_TTL)).toBe(false);
      expect(await store.get('dedup', 'telegram:1001')).toBe('a');
      await sleep(PAST_SHORT_TTL);
      expect(await store.get('dedup', 'telegram:1001')).toBeUndefined();
      expect(await store.claim('dedup', 'telegram:1001', 'b', SHORT_TTL)).toBe(true);
      expect(await store.get('dedup', 'telegram:1001')).toBe('b');
    });

    it('does not claim a key that set() holds', async () => {
      await store.set('dedup', 'k', 'taken');
      expect(await store.claim('dedup', 'k', 'x', 1000)).toBe(false);
      expect(await store.get('dedup', 'k')).toBe('taken');
    });

    it('releases only for the owner', async () => {
      const owner = 'chủ sở hữu 🔒';
      expect(await store.claim('lock', 'chat', owner, 5000)).toBe(true);
      expect(await store.release('lock', 'chat', 'someone else')).toBe(false);
      expect(await store.release('lock', 'chat', 'chủ sở hữu')).toBe(false);
      expect(await store.get('lock', 'chat')).toBe(owner);
      expect(await store.release('lock', 'chat', owner)).toBe(true);
      expect(await store.get('lock', 'chat')).toBeUndefined();
      expect(await store.release('lock', 'chat', owner)).toBe(false);
      expect(await store.claim('lock', 'chat', 'next', 5000)).toBe(true);
    });

    it('does not release a value that only prints alike', async () => {
      await store.set('lock', 'number', 7);
      expect(await store.release('lock', 'number', '7')).toBe(false);
      await store.set('lock', 'object', { a: 1 });
      expect(await store.release('lock', 'object', '{"a":1}')).toBe(false);
      expect(await store.get('lock', 'number')).toBe(7);
    });

    it('an expired claim cannot be released, and the next owner keeps it', async () => {
      expect(await store.claim('lock', 'chat', 'old', SHORT_TTL)).toBe(true);
      await sleep(PAST_SHORT_TTL);
      expect(await store.release('lock', 'chat', 'old')).toBe(false);
      expect(await store.claim('lock', 'chat', 'new', 5000)).toBe(true);
      expect(await store.release('lock', 'chat', 'old')).toBe(false);
      expect(await store.get('lock', 'chat')).toBe('new');
    });

    it('50 parallel claims through two instances: exactly one wins', async () => {
      const other = await backend.open();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? store : other).claim('dedup', 'race', `owner-${i}`, 5000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await other.get('dedup', 'race')).toBe(`owner-${winner}`);
    });
  });

  describe('durable queue', () => {
    it('gives items back oldest first until they are removed', async () => {
      await store.enqueue('inbox', 'telegram:3', { text: 'ba' });
      await store.enqueue('inbox', 'telegram:1', { text: 'một' });
      await store.enqueue('inbox', 'zalo:2', { text: 'hai' });
      expect(await store.pending('inbox')).toEqual([
        { id: 'telegram:3', value: { text: 'ba' } },
        { id: 'telegram:1', value: { text: 'một' } },
        { id: 'zalo:2', value: { text: 'hai' } },
      ]);
      expect(await store.remove('inbox', 'telegram:1')).toBe(true);
      expect(await store.remove('inbox', 'telegram:1')).toBe(false);
      expect((await store.pending('inbox')).map((item) => item.id)).toEqual(['telegram:3', 'zalo:2']);
    });

    it('is empty when nothing was queued', async () => {
      expect(await store.pending('inbox')).toEqual([]);
      expect(await store.remove('inbox', 'nothing')).toBe(false);
    });

    it('enqueueing an id again keeps its place and its first value', async () => {
      await store.enqueue('inbox', 'a', 1);
      await store.enqueue('inbox', 'b', 2);
      await store.enqueue('inbox', 'a', 3);
      expect(await store.pending('inbox')).toEqual([
        { id: 'a', value: 1 },
        { id: 'b', value: 2 },
      ]);
    });

    it('claims and enqueues an id once, both or neither, and keeps the claim after the item is removed', async () => {
      expect(await store.enqueueOnce('seen', 'inbox', 'telegram:7', { text: 'a' }, 60_000)).toBe(true);
      expect(await store.enqueueOnce('seen', 'inbox', 'telegram:7', { text: 'b' }, 60_000)).toBe(false);
      expect(await store.pending('inbox')).toEqual([{ id: 'telegram:7', value: { text: 'a' } }]);
      await store.remove('inbox', 'telegram:7');
      expect(await store.enqueueOnce('seen', 'inbox', 'telegram:7', { text: 'c' }, 60_000)).toBe(false);
      expect(await store.pending('inbox')).toEqual([]);
      // A plain claim of the same id counts as seen too (one namespace for both ways in).
      expect(await store.claim('seen', 'telegram:8', 'x', 60_000)).toBe(true);
      expect(await store.enqueueOnce('seen', 'inbox', 'telegram:8', {}, 60_000)).toBe(false);
    });

    it('an id removed and queued again goes to the end', async () => {
      await store.enqueue('inbox', 'a', 1);
      await store.enqueue('inbox', 'b', 2);
      await store.remove('inbox', 'a');
      await store.enqueue('inbox', 'a', 3);
      expect((await store.pending('inbox')).map((item) => item.id)).toEqual(['b', 'a']);
    });

    it('keeps queues apart from each other and from values of the same name', async () => {
      await store.enqueue('inbox', 'k', 'queued');
      await store.set('inbox', 'k', 'a value');
      await store.enqueue('outbox', 'k', 'elsewhere');
      expect(await store.pending('inbox')).toEqual([{ id: 'k', value: 'queued' }]);
      expect(await store.get('inbox', 'k')).toBe('a value');
      expect(await store.remove('outbox', 'k')).toBe(true);
      expect(await store.pending('inbox')).toHaveLength(1);
      await expect(store.enqueue('in:box', 'k', 1)).rejects.toThrow(/invalid queue/);
      await expect(store.pending('')).rejects.toThrow(/invalid queue/);
    });

    it('names the queues of a prefix that hold items, and forgets a queue once emptied', async () => {
      await store.enqueue('inbox/telegram%3A1', 'a', 1);
      await store.enqueueOnce('seen', 'inbox/zalo%3A2', 'b', 2, 60_000);
      await store.enqueue('inbox/zalo%3A2', 'c', 3);
      await store.enqueue('inboxes', 'd', 4);
      await store.enqueue('undelivered', 'e', 5);
      expect((await store.queues('inbox/')).sort()).toEqual(['inbox/telegram%3A1', 'inbox/zalo%3A2']);
      await store.remove('inbox/zalo%3A2', 'b');
      expect((await store.queues('inbox/')).sort()).toEqual(['inbox/telegram%3A1', 'inbox/zalo%3A2']);
      await store.remove('inbox/zalo%3A2', 'c');
      await store.remove('inbox/telegram%3A1', 'nothing');
      expect(await store.queues('inbox/')).toEqual(['inbox/telegram%3A1']);
      await store.remove('inbox/telegram%3A1', 'a');
      expect(await store.queues('inbox/')).toEqual([]);
      expect(await store.queues('inbox')).toEqual(['inboxes']);
    });

    it('round-trips Vietnamese text and nested values', async () => {
      const incoming = { address: { channel: 'zalo', chatId: '8841' }, updateId: 'm1', text: 'Làm giấy khai sinh cần gì ạ 🙏', receivedAt: 1_763_780_000_000 };
      await store.enqueue('inbox', 'zalo:m1', incoming);
      expect(await store.pending('inbox')).toEqual([{ id: 'zalo:m1', value: incoming }]);
    });

    it('outlives the instance that queued: another one sees it after the first is closed', async () => {
      const { openStore } = await import('../../src/store/open-store.ts');
      const writer = await openStore(backend.url, { prefix: backend.prefix });
      await writer.enqueue('inbox', 'before-crash', 'kept');
      await writer.close();
      expect(await store.pending('inbox')).toEqual([{ id: 'before-crash', value: 'kept' }]);
    });

    it('two instances queue into one order and each item is removed once', async () => {
      const other = await backend.open();
      for (let i = 0; i < 10; i++) await (i % 2 === 0 ? store : other).enqueue('inbox', `m${i}`, i);
      expect((await other.pending('inbox')).map((item) => item.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const removals = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other).remove('inbox', `m${i % 10}`)));
      expect(removals.filter(Boolean)).toHaveLength(10);
      expect(await store.pending('inbox')).toEqual([]);
    });

    it('keeps queues of stores with different prefixes apart', async () => {
      const { openStore } = await import('../../src/store/open-store.ts');
      const other = await openStore(backend.url, { prefix: `${backend.prefix}-other` });
      try {
        await store.enqueue('inbox', 'k', 'mine');
        expect(await other.pending('inbox')).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });

  describe('increment', () => {
    it('counts up and starts again once the window is over', async () => {
      expect(await store.increment('rate', 'chat', SHORT_TTL)).toBe(1);
      expect(await store.increment('rate', 'chat', SHORT_TTL)).toBe(2);
      expect(await store.increment('rate', 'chat', SHORT_TTL)).toBe(3);
      expect(await store.get('rate', 'chat')).toBe(3);
      expect(await store.increment('rate', 'other chat', SHORT_TTL)).toBe(1);
      await sleep(PAST_SHORT_TTL);
      expect(await store.get('rate', 'chat')).toBeUndefined();
      expect(await store.increment('rate', 'chat', SHORT_TTL)).toBe(1);
    });

    it('expires ttlMs after the first increment, not the last', async () => {
      // Counted at 0, ~100 and ~250 ms with a 200 ms window: the third starts a new one.
      expect(await store.increment('rate', 'k', 200)).toBe(1);
      await sleep(100);
      expect(await store.increment('rate', 'k', 200)).toBe(2);
      await sleep(150);
      expect(await store.increment('rate', 'k', 200)).toBe(1);
    });

    it('parallel increments through two instances each get their own count', async () => {
      const other = await backend.open();
      const counts = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? store : other).increment('rate', 'burst', 5000)),
      );
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    });
  });
});
