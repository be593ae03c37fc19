// The way in for every citizen message. Push channels (Telegram, Zalo) hand updates
// to `admit`, which stores each one in a durable queue before the platform is
// acknowledged; the inbox answers them in the background, one chat at a time and in
// arrival order (also across app instances sharing a store), and a message leaves
// the queue only once its answer is sent or deliberately set aside. The web chat
// waits for its answer instead (`converse`).
import { randomUUID } from 'node:crypto';
import type { ChatLock } from '../store/chat-lock.ts';
import type { QueueItem, Store } from '../store/store.ts';
import type { Log } from '../kernel/log.ts';
import type { RetryPolicy } from '../kernel/retry.ts';
import { DEFAULT_RETRY, deliver, type SendResult } from './delivery.ts';
import { addressKey, type Address, type Admit, type ChannelName, type ChannelSender, type Incoming } from '../kernel/messages.ts';
import { createRateLimiter } from './rate-limit.ts';
import type { Reply } from '../kernel/reply.ts';
import { INBOX_TEXTS } from '../texts/citizens.ts';

const INBOX = 'inbox';
/** Messages whose answer could not be computed or delivered, kept for staff to look at (see UndeliveredItem). */
export const UNDELIVERED = 'undelivered';
const SEEN = 'seen';
// Answers computed but not yet sent: a retry sends them again instead of asking the
// conversation twice (which would count the message twice and move the dialogue on).
const REPLIES = 'replies';
const FAILURES = 'failures';
const KEEP_MS = 7 * 24 * 3600_000;
/** A message whose handling keeps throwing is set aside after this many tries, so the chat's later messages go on. */
const MAX_FAILURES = 5;
/** A reply still not delivered this long after the message came is set aside, not tried again. */
const GIVE_UP_AFTER_MS = 24 * 3600_000;
const TOO_FAST: Reply[] = [{ text: INBOX_TEXTS.tooFast }];

export type Respond = (incoming: Incoming) => Promise<Reply[]>;

export interface InboxOptions {
  store: Store;
  /** The answer to one message (the dialogue's, in the app): the inbox knows nothing of how it is made. */
  respond: Respond;
  senders: Partial<Record<ChannelName, ChannelSender>>;
  log: Log;
  rateLimit: { perMinute: number };
  /** How long an update id is remembered: longer than any platform keeps redelivering. */
  dedupTtlMs: number;
  /** One chat at a time across instances; its ttlMs must exceed one message's handling and delivery. */
  chatLock: ChatLock;
  retry?: RetryPolicy;
  /** How often the queue is looked at again once started (deferred sends, failures, crashed instances). Default 30 s. */
  sweepEveryMs?: number;
  /** Default Date.now. */
  now?: () => number;
}

export interface Inbox {
  admit: Admit;
  /**
   * The web chat's synchronous path. `repeatable`: the page gave the message its own id, and
   * sends it again when an answer did not arrive; a repeat gets the answer already given.
   */
  converse(incoming: Incoming, repeatable?: boolean): Promise<Reply[]>;
  /** Takes up what is queued (left by a crash or a restart), then looks again every sweepEveryMs. */
  start(): Promise<void>;
  /** Stops taking up work, cuts retry pauses short and waits for what is running; unsent messages stay queued. */
  stop(): Promise<void>;
}

export interface UndeliveredItem {
  incoming: Incoming;
  replies?: Reply[];
  reason: string;
  detail: string;
  /** Still failing a day after it came: tried no more. */
  gaveUp?: true;
  at: number;
}

export function createInbox(options: InboxOptions): Inbox {
  const { store, respond, senders, log, dedupTtlMs, chatLock, retry = DEFAULT_RETRY, sweepEveryMs = 30_000, now = Date.now } = options;
  const overLimit = createRateLimiter(store, options.rateLimit.perMinute);
  const stopping = new AbortController();
  const running = new Set<Promise<void>>();
  // Chats with a run waiting that has not read the queue yet: it will see anything queued now.
  const scheduled = new Set<string>();
  let sweeper: NodeJS.Timeout | undefined;

  const admit: Admit = async (incoming) => {
    // Seen and queued at once: not stored (a rejection) means not seen, so the platform's redelivery is taken.
    if (!(await store.enqueueOnce(SEEN, INBOX, updateKey(incoming), incoming, dedupTtlMs))) return 'duplicate';
    schedule(addressKey(incoming.address));
    return 'accepted';
  };

  /** Settles the chat's queued messages one per lock hold, oldest first, whichever instance queued them. */
  function schedule(chat: string): void {
    if (stopping.signal.aborted || scheduled.has(chat)) return;
    scheduled.add(chat);
    const run = chatLock
      .run(chat, () => {
        scheduled.delete(chat);
        return settleOldest(chat);
      })
      .then(
        (more) => {
          if (more) schedule(chat);
        },
        (err: unknown) => {
          scheduled.delete(chat);
          log.error({ err, chat }, 'inbox: processing failed; the message stays queued for the next sweep');
        },
      );
    running.add(run);
    void run.then(() => running.delete(run));
  }

  /** True when the oldest message left the queue, so the next may follow. */
  async function settleOldest(chat: string): Promise<boolean> {
    const oldest = (await store.pending<Incoming>(INBOX)).find((item) => addressKey(item.value.address) === chat);
    return oldest !== undefined && !stopping.signal.aborted && (await settle(oldest));
  }

  async function settle({ id, value: incoming }: QueueItem<Incoming>): Promise<boolean> {
    let replies: Reply[];
    let delivery: SendResult;
    try {
      replies = await repliesFor(id, incoming);
      delivery = await send(incoming.address, replies);
    } catch (err) {
      return await afterFailure(id, incoming, err);
    }
    if (delivery.status === 'deferred' && now() - incoming.receivedAt < GIVE_UP_AFTER_MS) {
      log.warn({ id, reason: delivery.reason, detail: delivery.detail }, 'inbox: send still failing; retried at the next sweep');
      return false;
    }
    // Dropped, or still failing a day later: set aside for staff, so that the chat's later messages go on.
    if (delivery.status !== 'sent') {
      await setAside(id, { incoming, replies, reason: delivery.reason, detail: delivery.detail, ...(delivery.status === 'deferred' ? { gaveUp: true } : {}) });
    }
    await store.remove(INBOX, id);
    await store.delete(REPLIES, id);
    return true;
  }

  async function repliesFor(id: string, incoming: Incoming): Promise<Reply[]> {
    const kept = await store.get<Reply[]>(REPLIES, id);
    if (kept) return kept;
    const replies = await answerOf(incoming, { quietWhenRepeated: true });
    await store.set(REPLIES, id, replies, KEEP_MS);
    return replies;
  }

  /** The answer, unless the chat is over its rate limit: then it is not searched. */
  async function answerOf(incoming: Incoming, { quietWhenRepeated }: { quietWhenRepeated: boolean }): Promise<Reply[]> {
    const chat = addressKey(incoming.address);
    const verdict = await overLimit(chat);
    if (verdict === 'within') return respond(incoming);
    log.info({ chat, updateId: incoming.updateId }, 'inbox: rate limit reached, message not searched');
    return verdict === 'again_over' && quietWhenRepeated ? [] : TOO_FAST;
  }

  async function send(address: Address, replies: Reply[]): Promise<SendResult> {
    if (replies.length === 0) return { status: 'sent' };
    const sender = senders[address.channel];
    if (!sender) return { status: 'dropped', reason: 'rejected', detail: `no sender configured for ${address.channel}` };
    return deliver(sender, address, replies, retry, stopping.signal);
  }

  async function afterFailure(id: string, incoming: Incoming, err: unknown): Promise<boolean> {
    const failures = await store.increment(FAILURES, id, KEEP_MS);
    if (failures < MAX_FAILURES) {
      log.error({ err, id, failures }, 'inbox: handling failed; the message stays queued for the next sweep');
      return false;
    }
    await setAside(id, { incoming, reason: 'failed', detail: err instanceof Error ? err.message : String(err) });
    await store.remove(INBOX, id);
    return true;
  }

  async function setAside(id: string, item: Omit<UndeliveredItem, 'at'>): Promise<void> {
    await store.enqueue<UndeliveredItem>(UNDELIVERED, id, { ...item, at: now() });
    log.warn({ id, reason: item.reason, detail: item.detail }, 'inbox: answer not delivered; recorded in the undelivered queue');
  }

  async function scheduleQueued(): Promise<void> {
    const items = await store.pending<Incoming>(INBOX);
    for (const chat of new Set(items.map((item) => addressKey(item.value.address)))) schedule(chat);
  }

  return {
    admit,
    async converse(incoming, repeatable = false) {
      // Without an id of the page's own nothing can repeat: no key is written for it.
      const key = updateKey(incoming);
      if (repeatable && !(await store.claim(SEEN, key, randomUUID(), dedupTtlMs))) return (await store.get<Reply[]>(REPLIES, key)) ?? [];
      const replies = await chatLock.run(addressKey(incoming.address), () => answerOf(incoming, { quietWhenRepeated: false }));
      if (repeatable) await store.set(REPLIES, key, replies, dedupTtlMs);
      return replies;
    },
    async start() {
      // The chat lock is the lease: an instance takes up a chat's messages only while
      // it holds it, and a crashed holder's lease runs out after the lock's ttlMs.
      await scheduleQueued();
      sweeper = setInterval(() => {
        scheduleQueued().catch((err: unknown) => log.error({ err }, 'inbox: cannot read the queue; trying again at the next sweep'));
      }, sweepEveryMs).unref();
    },
    async stop() {
      clearInterval(sweeper);
      stopping.abort();
      await Promise.all(running);
    },
  };
}

function updateKey(incoming: Incoming): string {
  return `${incoming.address.channel}:${incoming.updateId}`;
}
