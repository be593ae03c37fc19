// The way in for every citizen message. Push channels (Telegram, Zalo) hand updates
// to `admit`, which stores each one in a durable queue before the platform is
// acknowledged; the inbox answers them in the background, one chat at a time and in
// arrival order (also across app instances sharing a store), and a message leaves
// the queue only once its answer is sent or deliberately set aside. The web chat
// waits for its answer instead (`converse`).
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ChatLock } from '../store/chat-lock.ts';
import type { QueueItem, Store } from '../store/store.ts';
import type { Log } from '../kernel/log.ts';
import type { RetryPolicy } from '../kernel/retry.ts';
import { DEFAULT_RETRY, deliver, type SendResult } from './delivery.ts';
import { addressKey, type Address, type Admit, type ChannelName, type ChannelSender, type Incoming } from '../kernel/messages.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import type { Reply } from '../kernel/reply.ts';
import { INBOX_TEXTS } from '../texts/citizens.ts';
import type { AnswerPace } from './answer-pace.ts';

// Each chat's messages wait in a queue of their own, so that taking a chat's oldest
// message does not read every chat's. Versions before kept one queue for all (INBOX).
const CHAT_QUEUES = 'inbox/';
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
  /**
   * How many answers this instance works out at once. Default 4. Working an answer out is
   * work on the one event loop: more at once does not answer faster, it only makes the
   * acknowledgement of new updates wait behind it. Sending is not counted: a slow platform
   * API holds no other chat up.
   */
  concurrency?: number;
  /**
   * How many chats this instance takes up at once (each holds its chat's lock while its
   * oldest message is answered and sent). Default 256. The rest wait their turn in arrival
   * order: a flood of new chats would otherwise all claim their locks and read their queues
   * before any answer is worked out.
   */
  chatsAtOnce?: number;
  /** Default Date.now. */
  now?: () => number;
  /**
   * Queued messages are answered elsewhere (the answering thread): admit stores each and
   * names its chat here instead of answering it, and start() takes up nothing. `converse`
   * still answers here (the answering thread's web chat calls come to its own inbox's).
   */
  handOff?: (chat: string) => void;
  /** Queued messages are answered at its pace (the answering thread's, held during a backlog); the web chat is not held. */
  pace?: Pick<AnswerPace, 'turn'>;
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
  /** Takes up the chat's queued messages now: another thread has just queued one. */
  wake(chat: string): void;
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
  const inbox = new QueuedInbox(options);
  // Bound here: the app hands `admit` and `converse` on as bare functions (to the channels and the web chat).
  return {
    admit: (incoming) => inbox.admit(incoming),
    converse: (incoming, repeatable) => inbox.converse(incoming, repeatable),
    start: () => inbox.start(),
    wake: (chat) => inbox.schedule(chat),
    stop: () => inbox.stop(),
  };
}

/** The inbox's state and steps; createInbox hands out its public part. */
class QueuedInbox {
  private readonly retry: RetryPolicy;
  private readonly sweepEveryMs: number;
  private readonly now: () => number;
  private readonly overLimit: RateLimiter;
  private readonly answering: LimitFunction;
  private readonly chatRuns: LimitFunction;
  private readonly stopping = new AbortController();
  private readonly running = new Set<Promise<void>>();
  // Chats with a run waiting that has not read the queue yet: it will see anything queued now.
  private readonly scheduled = new Set<string>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly options: InboxOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sweepEveryMs = options.sweepEveryMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.overLimit = createRateLimiter(options.store, options.rateLimit.perMinute);
    this.answering = pLimit(options.concurrency ?? 4);
    this.chatRuns = pLimit(options.chatsAtOnce ?? 256);
    // Every chat whose send is paused before a retry listens to it: up to chatsAtOnce at once, no leak.
    setMaxListeners(0, this.stopping.signal);
  }

  async admit(incoming: Incoming): ReturnType<Admit> {
    // Seen and queued at once: not stored (a rejection) means not seen, so the platform's redelivery is taken.
    const chat = addressKey(incoming.address);
    if (!(await this.options.store.enqueueOnce(SEEN, chatQueue(chat), updateKey(incoming), incoming, this.options.dedupTtlMs))) return 'duplicate';
    if (this.options.handOff) this.options.handOff(chat);
    else this.schedule(chat);
    return 'accepted';
  }

  /** Stopping waits for the web chat's answers in progress too: the store closes after. */
  converse(incoming: Incoming, repeatable = false): Promise<Reply[]> {
    if (this.stopping.signal.aborted) return Promise.reject(new Error('inbox: stopping; the web chat is not answered now'));
    const answer = this.answerNow(incoming, repeatable);
    this.track(answer);
    return answer;
  }

  private async answerNow(incoming: Incoming, repeatable: boolean): Promise<Reply[]> {
    // Without an id of the page's own nothing can repeat: no key is written for it.
    const key = updateKey(incoming);
    if (repeatable && !(await this.options.store.claim(SEEN, key, randomUUID(), this.options.dedupTtlMs))) return (await this.options.store.get<Reply[]>(REPLIES, key)) ?? [];
    const replies = await this.options.chatLock.run(addressKey(incoming.address), () => this.answerOf(incoming, { queued: false }));
    if (repeatable) await this.options.store.set(REPLIES, key, replies, this.options.dedupTtlMs);
    return replies;
  }

  async start(): Promise<void> {
    if (this.options.handOff) return;
    // The chat lock is the lease: an instance takes up a chat's messages only while
    // it holds it, and a crashed holder's lease runs out after the lock's ttlMs.
    await this.moveSharedQueue();
    await this.scheduleQueued();
    this.sweeper = setInterval(() => {
      this.scheduleQueued().catch((err: unknown) => this.options.log.error({ err }, 'inbox: cannot read the queue; trying again at the next sweep'));
    }, this.sweepEveryMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    this.stopping.abort();
    await Promise.all(this.running);
  }

  /** Settles the chat's queued messages one per lock hold, oldest first, whichever instance queued them. */
  schedule(chat: string): void {
    if (this.stopping.signal.aborted || this.scheduled.has(chat)) return;
    this.scheduled.add(chat);
    // A run still waiting for its turn when the inbox stops takes nothing up: the message stays queued.
    const run = this.chatRuns(async () => {
      if (this.stopping.signal.aborted) return false;
      return this.options.chatLock.run(chat, () => {
        this.scheduled.delete(chat);
        return this.settleOldest(chat);
      });
    }).then(
      (more) => {
        if (more) this.schedule(chat);
      },
      (err: unknown) => {
        this.scheduled.delete(chat);
        this.options.log.error({ err, chat }, 'inbox: processing failed; the message stays queued for the next sweep');
      },
    );
    this.track(run);
  }

  /** Kept until settled, so that stop() waits for it. */
  private track(work: Promise<unknown>): void {
    const settled = work.then(
      () => {},
      () => {},
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
  }

  private async scheduleQueued(): Promise<void> {
    for (const queue of await this.options.store.queues(CHAT_QUEUES)) this.schedule(chatOfQueue(queue));
  }

  /** Messages left in the one queue of an earlier version go to their chat's queue, in their order. */
  private async moveSharedQueue(): Promise<void> {
    for (const { id, value } of await this.options.store.pending<Incoming>(INBOX)) {
      await this.options.store.enqueue(chatQueue(addressKey(value.address)), id, value);
      await this.options.store.remove(INBOX, id);
    }
  }

  /** True when the oldest message left the queue, so the next may follow. */
  private async settleOldest(chat: string): Promise<boolean> {
    const [oldest] = await this.options.store.pending<Incoming>(chatQueue(chat));
    return oldest !== undefined && !this.stopping.signal.aborted && (await this.settle(oldest));
  }

  private async settle({ id, value: incoming }: QueueItem<Incoming>): Promise<boolean> {
    let replies: Reply[];
    let delivery: SendResult;
    try {
      replies = await this.repliesFor(id, incoming);
      delivery = await this.send(incoming.address, replies);
    } catch (err) {
      return await this.afterFailure(id, incoming, err);
    }
    if (delivery.status === 'deferred' && this.now() - incoming.receivedAt < GIVE_UP_AFTER_MS) {
      this.options.log.warn({ id, reason: delivery.reason, detail: delivery.detail }, 'inbox: send still failing; retried at the next sweep');
      return false;
    }
    // Dropped, or still failing a day later: set aside for staff, so that the chat's later messages go on.
    if (delivery.status !== 'sent') {
      await this.setAside(id, { incoming, replies, reason: delivery.reason, detail: delivery.detail, ...(delivery.status === 'deferred' ? { gaveUp: true } : {}) });
    }
    await this.options.store.remove(queueOf(incoming), id);
    await this.options.store.delete(REPLIES, id);
    return true;
  }

  private async repliesFor(id: string, incoming: Incoming): Promise<Reply[]> {
    const kept = await this.options.store.get<Reply[]>(REPLIES, id);
    if (kept) return kept;
    const replies = await this.answerOf(incoming, { queued: true });
    await this.options.store.set(REPLIES, id, replies, KEEP_MS);
    return replies;
  }

  /**
   * The answer, unless the chat is over its rate limit: then it is not searched. `queued`: a platform
   * message (not the web chat, whose page waits), answered at the pace and quiet when over the limit again.
   */
  private async answerOf(incoming: Incoming, { queued }: { queued: boolean }): Promise<Reply[]> {
    const chat = addressKey(incoming.address);
    const verdict = await this.overLimit(chat);
    if (verdict === 'within') {
      return this.answering(async () => {
        // A turn of the event loop first: updates that arrived meanwhile are acknowledged before this answer is worked out.
        await nextTurn();
        if (queued) await this.options.pace?.turn();
        return this.options.respond(incoming);
      });
    }
    this.options.log.info({ chat, updateId: incoming.updateId }, 'inbox: rate limit reached, message not searched');
    return verdict === 'again_over' && queued ? [] : TOO_FAST;
  }

  private async send(address: Address, replies: Reply[]): Promise<SendResult> {
    if (replies.length === 0) return { status: 'sent' };
    const sender = this.options.senders[address.channel];
    if (!sender) return { status: 'dropped', reason: 'rejected', detail: `no sender configured for ${address.channel}` };
    return deliver(sender, address, replies, this.retry, this.stopping.signal);
  }

  private async afterFailure(id: string, incoming: Incoming, err: unknown): Promise<boolean> {
    const failures = await this.options.store.increment(FAILURES, id, KEEP_MS);
    if (failures < MAX_FAILURES) {
      this.options.log.error({ err, id, failures }, 'inbox: handling failed; the message stays queued for the next sweep');
      return false;
    }
    await this.setAside(id, { incoming, reason: 'failed', detail: err instanceof Error ? err.message : String(err) });
    await this.options.store.remove(queueOf(incoming), id);
    return true;
  }

  private async setAside(id: string, item: Omit<UndeliveredItem, 'at'>): Promise<void> {
    await this.options.store.enqueue<UndeliveredItem>(UNDELIVERED, id, { ...item, at: this.now() });
    this.options.log.warn({ id, reason: item.reason, detail: item.detail }, 'inbox: answer not delivered; recorded in the undelivered queue');
  }
}

/** The queue of the chat whose key is `chat` (a queue's name may not hold ':'). */
function chatQueue(chat: string): string {
  return `${CHAT_QUEUES}${encodeURIComponent(chat)}`;
}

/** The chat key a chatQueue() name was made from. */
function chatOfQueue(queue: string): string {
  return decodeURIComponent(queue.slice(CHAT_QUEUES.length));
}

function queueOf(incoming: Incoming): string {
  return chatQueue(addressKey(incoming.address));
}

function updateKey(incoming: Incoming): string {
  return `${incoming.address.channel}:${incoming.updateId}`;
}
