// The inbox against real stores (a SQLite file, the local Redis) and the real
// Conversation: durable admission, de-duplication, per-chat order within and across
// instances, recovery after a crash, rate limits, and what happens to failed sends.
import { exponentialRetry } from '../../src/kernel/retry.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInbox, UNDELIVERED, type Inbox, type InboxOptions, type Respond, type UndeliveredItem } from '../../src/messaging/inbox.ts';
import type { ChannelSender, Incoming } from '../../src/kernel/messages.ts';
import { INBOX_TEXTS } from '../../src/texts/citizens.ts';
import { AnswerPace } from '../../src/messaging/answer-pace.ts';
import { createChatLock, type ChatLockOptions } from '../../src/store/chat-lock.ts';
import type { Database } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';
import { backendMakers, type Backend } from '../store/backends.ts';
import { sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { handlingLog, memoryLog, message, recordConversation, recordingSender, type RecordingSender } from './inbox-fixtures.ts';

const FAST_RETRY = exponentialRetry(4, 5, 200);
const LOCK: ChatLockOptions = { ttlMs: 5_000, retryMs: 5 };
const QUESTION = 'cấp hộ chiếu phổ thông';
const UNAVAILABLE = { ok: false, reason: 'unavailable', detail: '502 Bad Gateway' } as const;
const WAIT = { timeout: 10_000, interval: 10 };

describe.each(backendMakers)('inbox on %s', (_name, makeBackend) => {
  let backend: Backend;
  let store: Store;
  /** The conversations' complaint desk (no test here files a complaint). */
  let records: DatabaseBackend;
  let database: Database;
  let sender: RecordingSender;
  const started: Inbox[] = [];

  beforeEach(async () => {
    backend = makeBackend();
    store = await backend.open();
    records = sqliteDatabase();
    database = await records.open();
    sender = recordingSender();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((inbox) => inbox.stop()));
    await backend.cleanup();
    await records.cleanup();
  });

  type Overrides = Partial<InboxOptions> & { lock?: ChatLockOptions; conversation?: { handle: Respond } };

  /** An inbox on `on` (default: the test's store) with the real Conversation unless given; stopped after the test. */
  async function inbox({ lock = LOCK, conversation, ...overrides }: Overrides = {}): Promise<Inbox> {
    const on = overrides.store ?? store;
    const answering = conversation ?? (await recordConversation(on, database));
    const created = createInbox({
      store: on,
      respond: (incoming) => answering.handle(incoming),
      senders: { telegram: sender },
      log: memoryLog(),
      rateLimit: { perMinute: 100 },
      dedupTtlMs: 60_000,
      chatLock: createChatLock(on, lock),
      retry: FAST_RETRY,
      sweepEveryMs: 50,
      ...overrides,
    });
    started.push(created);
    return created;
  }

  /** The ids still queued, every chat's queue together. */
  const queued = async (on: Store = store) => {
    const queues = await Promise.all((await on.queues('inbox/')).map((queue) => on.pending<Incoming>(queue)));
    return queues.flat().map((item) => item.id).sort();
  };
  const sentTexts = (to: RecordingSender = sender) => to.sent.map((s) => s.replies.map((r) => r.text).join('\n'));

  it('with a hand-off, stores and names the chat but answers only where it is woken (the answering thread)', async () => {
    const named: string[] = [];
    const receiving = await inbox({ handOff: (chat) => named.push(chat) });
    await receiving.start();
    expect(await receiving.admit(message('43', 1, QUESTION))).toBe('accepted');
    expect(await receiving.admit(message('43', 1, QUESTION))).toBe('duplicate');
    expect(named).toEqual(['telegram:43']);
    await sleep(200);
    expect(sender.sent).toHaveLength(0);
    expect(await queued()).toEqual(['telegram:1']);
    const answering = await inbox();
    answering.wake(named[0]!);
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('answers an admitted message through its channel, then empties the queue', async () => {
    const inbound = await inbox();
    expect(await inbound.admit(message('42', 1, QUESTION))).toBe('accepted');
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(sender.sent[0]!.address).toEqual({ channel: 'telegram', chatId: '42' });
    expect(sentTexts()[0]).toMatch(/hộ chiếu/i);
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('has stored the update when admit resolves, and keeps it until it is answered', async () => {
    let deliver!: () => void;
    const gate = new Promise<void>((resolve) => (deliver = resolve));
    const slow: ChannelSender = { channel: 'telegram', send: () => gate.then(() => ({ ok: true })) };
    const inbound = await inbox({ senders: { telegram: slow } });
    await inbound.admit(message('42', 7, QUESTION));
    expect(await queued()).toEqual(['telegram:7']);
    deliver();
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('answers an update delivered twice once, also when two instances get it at the same time', async () => {
    const log = handlingLog();
    const other = await backend.open();
    const first = await inbox({ conversation: await recordConversation(store, database, { log }) });
    const second = await inbox({ store: other, conversation: await recordConversation(other, database, { log }) });
    const update = message('42', 100, QUESTION);
    const statuses = await Promise.all([first.admit(update), second.admit(update)]);
    expect(statuses.sort()).toEqual(['accepted', 'duplicate']);
    expect(await first.admit(update)).toBe('duplicate');
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    await sleep(100);
    expect(sender.sent).toHaveLength(1);
    expect(log.handled).toEqual([QUESTION]);
  });

  it('handles one chat in arrival order, one message at a time', async () => {
    const conversation = await recordConversation(store, database, { delayMs: () => Math.random() * 20 });
    const inbound = await inbox({ conversation });
    const texts = Array.from({ length: 8 }, (_, i) => `câu hỏi số ${i + 1}`);
    for (const [i, text] of texts.entries()) await inbound.admit(message('42', i + 1, text));
    await vi.waitFor(() => expect(sender.sent).toHaveLength(8), WAIT);
    expect(conversation.log.handled).toEqual(texts);
    expect(conversation.log.mostAtOnce).toBe(1);
  });

  it('keeps one chat in order across two instances that receive its updates in turn', async () => {
    const log = handlingLog();
    const other = await backend.open();
    const otherSender = recordingSender();
    const slowly = { delayMs: () => Math.random() * 15, log };
    const first = await inbox({ conversation: await recordConversation(store, database, slowly) });
    const second = await inbox({ store: other, conversation: await recordConversation(other, database, slowly), senders: { telegram: otherSender } });
    const texts = Array.from({ length: 10 }, (_, i) => `tin nhắn ${i + 1}`);
    for (const [i, text] of texts.entries()) await (i % 2 === 0 ? first : second).admit(message('42', i + 1, text));
    await vi.waitFor(() => expect(sender.sent.length + otherSender.sent.length).toBe(10), WAIT);
    expect(log.handled).toEqual(texts);
    expect(log.mostAtOnce).toBe(1);
  });

  it('after a crash, a new instance takes up the message once the lease of the crashed one runs out', async () => {
    const log = handlingLog();
    // The first instance computes the answer, then dies while sending it: its send never returns.
    const dying: ChannelSender = { channel: 'telegram', send: () => new Promise(() => {}) };
    const dyingConversation = await recordConversation(store, database, { log });
    const crashed = createInbox({
      store,
      respond: (incoming) => dyingConversation.handle(incoming),
      senders: { telegram: dying },
      log: memoryLog(),
      rateLimit: { perMinute: 100 },
      dedupTtlMs: 60_000,
      chatLock: createChatLock(store, { ttlMs: 300, retryMs: 5 }),
    });
    await crashed.admit(message('42', 1, QUESTION));
    await vi.waitFor(() => expect(log.handled).toHaveLength(1), WAIT);

    const restarted = await backend.open();
    const recovering = await inbox({ store: restarted, conversation: await recordConversation(restarted, database, { log }), lock: { ttlMs: 300, retryMs: 5, waitMs: 2_000 } });
    await recovering.start();
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(sentTexts()[0]).toMatch(/hộ chiếu/i);
    // The answer the crashed instance computed is the one sent: the dialogue did not move on twice.
    expect(log.handled).toEqual([QUESTION]);
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('leaves what it could not send queued at stop, and the next start sends it', async () => {
    const log = handlingLog();
    sender.failNext(UNAVAILABLE, UNAVAILABLE);
    const stopping = await inbox({ conversation: await recordConversation(store, database, { log }), retry: exponentialRetry(2, 5, 50) });
    await stopping.admit(message('42', 1, QUESTION));
    await vi.waitFor(() => expect(sender.attempts).toBe(2), WAIT);
    await stopping.stop();
    expect(await queued()).toEqual(['telegram:1']);

    const next = await inbox({ conversation: await recordConversation(store, database, { log }) });
    await next.start();
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(log.handled).toEqual([QUESTION]);
  });

  it('takes up, in order, what an earlier version left in its one queue for every chat', async () => {
    const log = handlingLog();
    await store.enqueue('inbox', 'telegram:1', message('42', 1, 'câu một'));
    await store.enqueue('inbox', 'telegram:2', message('77', 2, 'người khác'));
    await store.enqueue('inbox', 'telegram:3', message('42', 3, 'câu ba'));
    const next = await inbox({ conversation: await recordConversation(store, database, { log }) });
    await next.start();
    await vi.waitFor(() => expect(sender.sent).toHaveLength(3), WAIT);
    expect(log.handled.filter((text) => text.startsWith('câu'))).toEqual(['câu một', 'câu ba']);
    expect(await store.pending('inbox')).toEqual([]);
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('works out at most `concurrency` answers at once, and answers every chat in the end', async () => {
    let now = 0;
    let most = 0;
    const slow: Respond = async (incoming) => {
      most = Math.max(most, ++now);
      await sleep(20);
      now--;
      return [{ text: `đáp ${incoming.text}` }];
    };
    const inbound = await inbox({ conversation: { handle: slow }, concurrency: 2 });
    for (let chat = 1; chat <= 8; chat++) await inbound.admit(message(String(chat), chat, `chat ${chat}`));
    await vi.waitFor(() => expect(sender.sent).toHaveLength(8), WAIT);
    expect(most).toBe(2);
  });

  it('answers queued messages at its pace, held while a backlog comes in; the web chat is not held', async () => {
    const pace = new AnswerPace(60_000);
    pace.hold(true);
    const inbound = await inbox({ pace });
    await inbound.start();
    await inbound.admit(message('61', 1, QUESTION));
    expect((await inbound.converse(message('web-61', 'w-1', QUESTION, 'web')))[0]!.text).toMatch(/hộ chiếu/i);
    await sleep(150);
    expect(sender.sent).toEqual([]);
    pace.hold(false);
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
  });

  it('takes up at most `chatsAtOnce` chats at once, in the order their messages came; at stop the others stay queued', async () => {
    const started: string[] = [];
    const slow: Respond = async (incoming) => {
      started.push(incoming.address.chatId);
      await sleep(30);
      return [{ text: 'đáp' }];
    };
    const inbound = await inbox({ conversation: { handle: slow }, chatsAtOnce: 1, sweepEveryMs: 60_000 });
    for (let chat = 1; chat <= 6; chat++) await inbound.admit(message(String(chat), chat, `chat ${chat}`));
    await vi.waitFor(() => expect(started).toHaveLength(2), WAIT);
    // One chat held at a time: the second began only once the first was answered and sent.
    expect(sender.sent).toHaveLength(1);
    await inbound.stop();
    expect(started.length).toBeLessThan(6);
    expect(started).toEqual(['1', '2', '3', '4', '5', '6'].slice(0, started.length));
    expect(await queued()).toHaveLength(6 - sender.sent.length);
  });

  it('waits at stop for a web chat answer in progress (the store closes after), and refuses new ones', async () => {
    const events: string[] = [];
    const slow: Respond = async () => {
      await sleep(100);
      events.push('answered');
      return [{ text: 'đáp' }];
    };
    const inbound = await inbox({ conversation: { handle: slow } });
    const answer = inbound.converse(message('w1', 1, 'xin chào', 'web'));
    await sleep(10);
    await inbound.stop();
    events.push('stopped');
    expect(events).toEqual(['answered', 'stopped']);
    expect(await answer).toEqual([{ text: 'đáp' }]);
    await expect(inbound.converse(message('w1', 2, 'còn ai không', 'web'))).rejects.toThrow(/stopping/);
  });

  it('does not count sending against `concurrency`: a slow platform API holds no other chat up', async () => {
    let inFlight = 0;
    let most = 0;
    const slowApi: ChannelSender = {
      channel: 'telegram',
      send: async () => {
        most = Math.max(most, ++inFlight);
        await sleep(150);
        inFlight--;
        return { ok: true };
      },
    };
    const inbound = await inbox({ senders: { telegram: slowApi }, concurrency: 1 });
    for (let chat = 1; chat <= 6; chat++) await inbound.admit(message(String(chat), chat, 'xin chào'));
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
    expect(most).toBeGreaterThanOrEqual(3);
  });

  it('over the rate limit: one polite reply, then silence, and those messages are not searched', async () => {
    const conversation = await recordConversation(store, database);
    const inbound = await inbox({ conversation, rateLimit: { perMinute: 2 } });
    for (let i = 1; i <= 5; i++) await inbound.admit(message('42', i, `câu ${i}`));
    await inbound.admit(message('77', 6, 'người khác'));
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
    // Another chat is not held up by this one's limit (nor ordered with it).
    expect([...conversation.log.handled].sort()).toEqual(['câu 1', 'câu 2', 'người khác']);
    const toChat42 = sender.sent.filter((s) => s.address.chatId === '42');
    expect(toChat42).toHaveLength(3);
    expect(toChat42[2]!.replies).toEqual([{ text: INBOX_TEXTS.tooFast }]);
  });

  it('the web chat over the rate limit gets the polite reply each time, without a search', async () => {
    const conversation = await recordConversation(store, database);
    const inbound = await inbox({ conversation, rateLimit: { perMinute: 1 } });
    const replies = [];
    for (let i = 1; i <= 3; i++) replies.push(await inbound.converse(message('session-1', i, QUESTION, 'web')));
    expect(replies[0]![0]!.text).toMatch(/hộ chiếu/i);
    expect(replies.slice(1)).toEqual([[{ text: INBOX_TEXTS.tooFast }], [{ text: INBOX_TEXTS.tooFast }]]);
    expect(conversation.log.handled).toEqual([QUESTION]);
  });

  it('the web chat answers directly; a message the page sends again gets the answer already given, once computed', async () => {
    const conversation = await recordConversation(store, database);
    const inbound = await inbox({ conversation });
    const first = await inbound.converse(message('session-1', 'u-1', QUESTION, 'web'), true);
    expect(first.length).toBeGreaterThan(0);
    expect(await inbound.converse(message('session-1', 'u-1', QUESTION, 'web'), true)).toEqual(first);
    expect(conversation.log.handled).toEqual([QUESTION]);
  });

  it('remembers nothing of a web message without an id of the page’s own', async () => {
    const inbound = await inbox();
    await inbound.converse(message('session-2', 'random-1', QUESTION, 'web'));
    expect(await store.get('seen', 'web:random-1')).toBeUndefined();
    expect(await store.get('replies', 'web:random-1')).toBeUndefined();
  });

  it('pauses many chats\' failed sends at once without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const heard = (warning: Error) => void warnings.push(warning.name);
    process.on('warning', heard);
    try {
      const quick: Respond = async (incoming) => [{ text: `đáp ${incoming.text}` }];
      const inbound = await inbox({ conversation: { handle: quick } });
      sender.failNext(...Array.from({ length: 15 }, () => UNAVAILABLE));
      for (let chat = 1; chat <= 15; chat++) await inbound.admit(message(`pause-${chat}`, chat, `chat ${chat}`));
      await vi.waitFor(() => expect(sender.sent).toHaveLength(15), WAIT);
      // Warnings are emitted on the next tick.
      await sleep(10);
    } finally {
      process.off('warning', heard);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('retries a send that failed with unavailable, then removes the message', async () => {
    sender.failNext(UNAVAILABLE, UNAVAILABLE);
    const inbound = await inbox();
    await inbound.admit(message('42', 1, QUESTION));
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(sender.attempts).toBe(3);
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('waits as long as a rate-limited platform asks before sending again', async () => {
    sender.failNext({ ok: false, reason: 'rate_limited', detail: '429', retryAfterMs: 150 });
    const inbound = await inbox();
    const began = Date.now();
    await inbound.admit(message('42', 1, QUESTION));
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(Date.now() - began).toBeGreaterThanOrEqual(150);
  });

  it('defers a send the platform wants delayed too long, and a later sweep sends the same answer', async () => {
    sender.failNext({ ok: false, reason: 'rate_limited', detail: '429', retryAfterMs: 60_000 });
    const conversation = await recordConversation(store, database);
    const inbound = await inbox({ conversation });
    await inbound.start();
    await inbound.admit(message('42', 1, QUESTION));
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(sender.attempts).toBe(2);
    expect(conversation.log.handled).toEqual([QUESTION]);
  });

  it('sets aside a reply still not delivered a day after the message came, and goes on with the chat', async () => {
    const clock = { now: Date.now() };
    const inbound = await inbox({ now: () => clock.now, retry: exponentialRetry(1, 5, 50) });
    sender.failNext(UNAVAILABLE, UNAVAILABLE);
    await inbound.admit(message('42', 1, QUESTION));
    await vi.waitFor(() => expect(sender.attempts).toBe(1), WAIT);
    // A day later the chat writes again: the first reply, failing once more, is set aside and the new one answered.
    clock.now += 25 * 3600_000;
    await inbound.admit({ ...message('42', 2, 'cảm ơn'), receivedAt: clock.now });
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(sender.attempts).toBe(3);
    const undelivered = await store.pending<UndeliveredItem>(UNDELIVERED);
    expect(undelivered).toEqual([{ id: 'telegram:1', value: expect.objectContaining({ reason: 'unavailable', detail: '502 Bad Gateway', gaveUp: true }) }]);
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('records a send the citizen blocked as undelivered, without retrying, and goes on with the chat', async () => {
    sender.failNext({ ok: false, reason: 'blocked', detail: '403: bot was blocked by the user' });
    const inbound = await inbox();
    await inbound.admit(message('42', 1, QUESTION));
    await inbound.admit(message('42', 2, 'cảm ơn'));
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(sender.attempts).toBe(2);
    const undelivered = await store.pending<UndeliveredItem>(UNDELIVERED);
    expect(undelivered).toEqual([
      { id: 'telegram:1', value: expect.objectContaining({ reason: 'blocked', incoming: expect.objectContaining({ updateId: '1' }), replies: expect.any(Array) }) },
    ]);
    await vi.waitFor(async () => expect(await queued()).toEqual([]), WAIT);
  });

  it('records a message for a channel without a sender as undelivered', async () => {
    const inbound = await inbox({ senders: {} });
    await inbound.admit(message('42', 1, QUESTION, 'zalo'));
    // Set aside first, then taken off the queue (nothing is lost between the two writes): wait for both.
    await vi.waitFor(async () => {
      expect(await store.pending(UNDELIVERED)).toHaveLength(1);
      expect(await queued()).toEqual([]);
    }, WAIT);
  });

  it('sets aside a message whose handling keeps failing, so the chat goes on', async () => {
    const real = await recordConversation(store, database);
    const conversation = { handle: (incoming: Incoming) => (incoming.text === 'hỏng' ? Promise.reject(new Error('handler bug')) : real.handle(incoming)) };
    const inbound = await inbox({ conversation, sweepEveryMs: 10 });
    await inbound.start();
    await inbound.admit(message('42', 1, 'hỏng'));
    await inbound.admit(message('42', 2, QUESTION));
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
    expect(real.log.handled).toEqual([QUESTION]);
    const [setAside] = await store.pending<UndeliveredItem>(UNDELIVERED);
    expect(setAside).toMatchObject({ id: 'telegram:1', value: { reason: 'failed', detail: 'handler bug' } });
  });

  it('when the update cannot be stored, admit rejects and the redelivery is taken', async () => {
    const full: Store = Object.assign(Object.create(store) as Store, {
      enqueueOnce: () => Promise.reject(new Error('disk full')),
    });
    const failing = await inbox({ store: full });
    await expect(failing.admit(message('42', 9, QUESTION))).rejects.toThrow('disk full');
    const working = await inbox();
    expect(await working.admit(message('42', 9, QUESTION))).toBe('accepted');
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), WAIT);
  });
});
