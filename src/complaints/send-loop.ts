// The send loop: works through the two complaint outboxes (outbox.ts) and flags
// overdue complaints. Each job is held under a lease in the store while it is
// worked on, so two app instances never send the same one at the same time; every
// attempt is recorded with its outcome and tried again with backoff until it is
// delivered or given up (where staff see it). A job leaves its queue only then.
import { randomUUID } from 'node:crypto';
import type { Log } from '../kernel/log.ts';
import type { ChannelName, ChannelSender, SendFailure, TraitsOf } from '../kernel/messages.ts';
import type { Reply } from '../kernel/reply.ts';
import type { QueueItem, Store } from '../store/store.ts';
import { DEFAULT_RETRY, isOverdue, recordDelivery, type Complaint, type Delivery, type ReplyDelivery, type RetryPolicy } from './complaint.ts';
import type { Hotline } from './hotline.ts';
import { citizenNotice, SEND_LOOP_TEXTS } from './notices.ts';
import { CITIZEN_OUTBOX, HOTLINE_OUTBOX, type CitizenJob, type HotlineJob, type HotlineTarget, type TargetOutcome } from './outbox.ts';

const HOTLINE_LEASES = 'hotline-outbox-lease';
const CITIZEN_LEASES = 'citizen-outbox-lease';
/** Attempts at the notices other than a new complaint (overdue, reply failed), by job id; a new one's live in the complaint. */
const NOTICE_DELIVERIES = 'hotline-notice-delivery';
/** When a citizen notice is next tried, by job id; its attempts and last error live in the complaint's `reply`. */
const CITIZEN_NEXT_TRY = 'citizen-outbox-next-try';
/** When a hotline job was first seen naming no complaint (see dropOrphan). */
const ORPHANS = 'hotline-outbox-orphan';
// Hotline.submit queues the jobs just before it stores the complaint: a job is only
// an orphan (left by a crash) once it has named no complaint for a while.
const ORPHAN_GRACE_MS = 10 * 60_000;
/** Outcomes kept after their job is done, so that an instance that read the queue earlier does not send it again. */
const DONE_KEPT_MS = 30 * 24 * 3600_000;
/** Jobs worked on at once: one slow target does not hold up the rest. */
const PARALLEL = 8;

export interface SendLoopOptions {
  hotline: Hotline;
  store: Store;
  /** Read by name at every job: targets pushed after creation are used. */
  targets: readonly HotlineTarget[];
  /** Push senders by channel; the web chat has none (its citizens read answers through "tra cứu"). */
  senders: Partial<Record<ChannelName, ChannelSender>>;
  /** What each channel can do: one that cannot push gets no notice. */
  traits: TraitsOf;
  log: Log;
  /** Default: the hotline's clock. */
  now?: () => number;
  retry?: RetryPolicy;
  /** How often the queues are looked at when nothing wakes the loop. Default 30 s. */
  everyMs?: number;
  /** How long a job stays claimed by an instance that never releases it (a crash). Must exceed one delivery. Default 5 min. */
  leaseMs?: number;
  /** How often complaints are checked for being overdue. Default 5 min. */
  overdueEveryMs?: number;
}

export interface SendLoop {
  /** Processes what is due now (once more if woken meanwhile); resolves when done. */
  runOnce(): Promise<void>;
  /** Runs at once, then every everyMs and whenever woken. */
  start(): void;
  /** Stops running and waits for the work in progress. */
  stop(): Promise<void>;
  /** Something was queued: run soon (only once started). */
  wake(): void;
}

/** The outcome of one try at telling the citizen; `final` when trying again cannot help. */
type NoticeOutcome = { ok: true } | { ok: false; final: boolean; error: string; retryAfterMs?: number };

const TRANSIENT: ReadonlySet<SendFailure> = new Set(['unavailable', 'rate_limited']);

export function createSendLoop(options: SendLoopOptions): SendLoop {
  const { hotline, store, targets, senders, traits, log, retry = DEFAULT_RETRY, everyMs = 30_000, leaseMs = 5 * 60_000, overdueEveryMs = 5 * 60_000 } = options;
  const now = options.now ?? hotline.now;
  let overdueCheckedAt = -Infinity;
  let current: Promise<void> | undefined;
  let again = false;
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  /** One pass at a time in this instance; a call during a pass makes it go round once more. */
  function run(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    current = (async () => {
      do {
        again = false;
        await pass();
      } while (again && !stopped);
    })().finally(() => (current = undefined));
    return current;
  }

  async function pass(): Promise<void> {
    // Overdue flags and failed citizen notices queue hotline jobs: those go in the same pass.
    await guarded('overdue check', flagOverdue);
    await guarded('citizen outbox', async () => eachLimited(await store.pending<CitizenJob>(CITIZEN_OUTBOX), (job) => leased(CITIZEN_LEASES, job, notifyCitizen)));
    await guarded('hotline outbox', async () => eachLimited(await store.pending<HotlineJob>(HOTLINE_OUTBOX), (job) => leased(HOTLINE_LEASES, job, sendToHotline)));
  }

  /** A failing store or job is logged and left for the next pass; it never stops the loop. */
  async function guarded(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      log.error({ err }, `send loop: ${what} failed; trying again at the next pass`);
    }
  }

  async function leased<T>(namespace: string, item: QueueItem<T>, fn: (item: QueueItem<T>) => Promise<void>): Promise<void> {
    // A token per claim, so that a lease that expired and was taken by another instance is never released by us.
    const token = randomUUID();
    if (!(await store.claim(namespace, item.id, token, leaseMs))) return;
    try {
      await guarded(`job ${item.id}`, () => fn(item));
    } finally {
      await store.release(namespace, item.id, token).catch((err: unknown) => log.warn({ err, id: item.id }, 'send loop: lease not released; it expires'));
    }
  }

  // ---- Hotline targets ----

  async function sendToHotline({ id, value: job }: QueueItem<HotlineJob>): Promise<void> {
    const complaint = await hotline.complaints.get(job.code);
    if (!complaint) return dropOrphan(id);
    const at = now();
    const delivery = job.event === 'new' ? (complaint.deliveries[job.target] ?? firstTry()) : ((await store.get<Delivery>(NOTICE_DELIVERIES, id)) ?? firstTry());
    if (delivery.state !== 'pending') {
      // Settled by another instance that read the queue at the same time as this one.
      await store.remove(HOTLINE_OUTBOX, id);
      return;
    }
    if (delivery.nextTryAt > at) return;

    const target = targets.find((t) => t.name === job.target);
    const outcome = target && (await deliverTo(target, job, complaint));
    const next = await record(id, job, (d) =>
      outcome ? recordDelivery(d, outcome, at, retry) : { state: 'failed', attempts: d.attempts, lastError: SEND_LOOP_TEXTS.targetGone(job.target) },
    );
    // No record (the complaint is gone) or a settled one: the job is done either way.
    if (next?.state === 'pending') return;
    if (next?.state === 'failed') log.warn({ id, attempts: next.attempts, lastError: next.lastError }, 'send loop: hotline target gave up');
    await store.remove(HOTLINE_OUTBOX, id);
  }

  async function deliverTo(target: HotlineTarget, job: HotlineJob, complaint: Complaint): Promise<TargetOutcome> {
    try {
      return await target.deliver({ type: job.event, complaint });
    } catch (err) {
      return { ok: false, error: SEND_LOOP_TEXTS.targetThrew(err instanceof Error ? err.message : String(err)) };
    }
  }

  /** Applies `change` to the job's delivery record (in the complaint for a new one) and returns the result. */
  async function record(id: string, job: HotlineJob, change: (delivery: Delivery) => Delivery): Promise<Delivery | undefined> {
    if (job.event !== 'new') {
      const next = change((await store.get<Delivery>(NOTICE_DELIVERIES, id)) ?? firstTry());
      await store.set(NOTICE_DELIVERIES, id, next, next.state === 'pending' ? undefined : DONE_KEPT_MS);
      return next;
    }
    const result = await hotline.complaints.update(job.code, (c) => ({ ...c, deliveries: { ...c.deliveries, [job.target]: change(c.deliveries[job.target] ?? firstTry()) } }));
    return result.ok ? result.complaint.deliveries[job.target] : undefined;
  }

  function firstTry(): Delivery {
    return { state: 'pending', attempts: 0, nextTryAt: 0 };
  }

  async function dropOrphan(id: string): Promise<void> {
    const at = now();
    await store.claim(ORPHANS, id, String(at), DONE_KEPT_MS);
    const firstSeen = Number(await store.get<string>(ORPHANS, id));
    if (at - firstSeen < ORPHAN_GRACE_MS) return;
    log.warn({ id }, 'send loop: hotline job names no complaint (left by a crash); dropped');
    await store.remove(HOTLINE_OUTBOX, id);
    await store.delete(ORPHANS, id);
  }

  // ---- Citizens ----

  async function notifyCitizen({ id, value: job }: QueueItem<CitizenJob>): Promise<void> {
    const complaint = await hotline.complaints.get(job.code);
    // Erased on request: nothing is sent. Not pending: another instance has settled it.
    const notice = complaint && !complaint.erasedAt && complaint.reply?.state === 'pending' ? citizenNotice(complaint) : undefined;
    if (!complaint || !notice) return finishCitizenJob(id);
    const at = now();
    if (!traits(complaint.address.channel).push) {
      // Not a failure: a channel that cannot be pushed to (the web page) has its citizens look the code up.
      await hotline.complaints.update(job.code, (c) => (c.reply?.state === 'pending' ? { ...c, reply: { state: 'on_lookup', attempts: 0, since: at } } : 'reply already settled'));
      return finishCitizenJob(id);
    }
    if (((await store.get<number>(CITIZEN_NEXT_TRY, id)) ?? 0) > at) return;

    const outcome = await sendNotice(complaint, notice);
    const result = await hotline.complaints.update(job.code, (c) => (c.reply?.state === 'pending' ? { ...c, reply: recordReply(c.reply, outcome, at) } : 'reply already settled'));
    if (!result.ok) return finishCitizenJob(id);
    const reply = result.complaint.reply!;
    if (reply.state === 'pending') {
      const retryAfterMs = outcome.ok ? 0 : (outcome.retryAfterMs ?? 0);
      await store.set(CITIZEN_NEXT_TRY, id, at + Math.max(retry.backoffMs(reply.attempts), retryAfterMs));
      return;
    }
    if (reply.state === 'failed') {
      log.warn({ code: job.code, attempts: reply.attempts, lastError: reply.lastError }, 'send loop: the citizen could not be told; staff are notified');
      // Staff hear of it on every target; the web inbox shows the reply state itself.
      for (const target of hotline.targets) await hotline.queueForHotline({ code: job.code, target, event: 'reply_failed' });
    }
    await finishCitizenJob(id);
  }

  async function sendNotice(complaint: Complaint, notice: Reply[]): Promise<NoticeOutcome> {
    const { channel } = complaint.address;
    const sender = senders[channel];
    if (!sender) return { ok: false, final: true, error: SEND_LOOP_TEXTS.noSender(channel) };
    try {
      const outcome = await sender.send(complaint.address, notice);
      if (outcome.ok) return outcome;
      return { ok: false, final: !TRANSIENT.has(outcome.reason), error: SEND_LOOP_TEXTS.replyError(outcome.reason, outcome.detail), retryAfterMs: outcome.retryAfterMs };
    } catch (err) {
      return { ok: false, final: false, error: SEND_LOOP_TEXTS.replyError('unavailable', err instanceof Error ? err.message : String(err)) };
    }
  }

  function recordReply(reply: ReplyDelivery, outcome: NoticeOutcome, at: number): ReplyDelivery {
    const attempts = reply.attempts + 1;
    if (outcome.ok) return { state: 'sent', attempts, sentAt: at };
    if (outcome.final || attempts >= retry.maxAttempts) return { state: 'failed', attempts, lastError: outcome.error };
    return { state: 'pending', attempts, lastError: outcome.error };
  }

  async function finishCitizenJob(id: string): Promise<void> {
    await store.remove(CITIZEN_OUTBOX, id);
    await store.delete(CITIZEN_NEXT_TRY, id);
  }

  // ---- Overdue ----

  async function flagOverdue(): Promise<void> {
    const at = now();
    if (at - overdueCheckedAt < overdueEveryMs) return;
    overdueCheckedAt = at;
    const today = hotline.today();
    for (const complaint of await hotline.complaints.all()) {
      if (!isOverdue(complaint, today) || complaint.overdueNotifiedAt !== undefined) continue;
      // Flagged under the complaint's lock: of several instances, only the one whose update goes through queues the notice.
      const result = await hotline.complaints.update(complaint.code, (c) =>
        isOverdue(c, today) && c.overdueNotifiedAt === undefined ? { ...c, overdueNotifiedAt: at } : 'not overdue, or already flagged',
      );
      if (!result.ok) continue;
      for (const target of hotline.targets) await hotline.queueForHotline({ code: complaint.code, target, event: 'overdue' });
    }
  }

  return {
    runOnce: run,
    start() {
      started = true;
      stopped = false;
      timer = setInterval(() => void run(), everyMs).unref();
      void run();
    },
    async stop() {
      started = false;
      stopped = true;
      clearInterval(timer);
      await current;
    },
    wake() {
      if (started) void run();
    },
  };
}

/** Runs `fn` over `items`, at most PARALLEL at a time. */
async function eachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}
