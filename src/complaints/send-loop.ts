// The send loop: works through the complaint outbox (outbox.ts) and flags overdue
// complaints. Each job is taken under a lease while it is worked on, so two app
// instances never send the same one at the same time; every attempt is recorded
// with its outcome and the job put back with backoff until it is delivered or
// given up (where staff see it). A job leaves the outbox only then.
import type { Log } from '../kernel/log.ts';
import { isTransient, type ChannelName, type ChannelSender, type SendError, type TraitsOf } from '../kernel/messages.ts';
import type { Reply } from '../kernel/reply.ts';
import type { RetryPolicy } from '../kernel/retry.ts';
import { DEFAULT_RETRY, isOverdue, recordDelivery, type Complaint, type Delivery, type ReplyDelivery } from './complaint.ts';
import type { Hotline } from './hotline.ts';
import { citizenNotice } from './notices.ts';
import type { CitizenJob, HeldJob, HotlineJob, HotlineTarget, JobKind } from './outbox.ts';

/** Jobs worked on at once: one slow target does not hold up the rest. */
const PARALLEL = 8;
/** Jobs taken by one pass, per kind; the pass goes round again while it finds a full batch. */
const BATCH = 100;

export interface SendLoopOptions {
  hotline: Hotline;
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
type NoticeOutcome = { ok: true } | { ok: false; final: boolean; error: SendError; retryAfterMs?: number };

export function createSendLoop(options: SendLoopOptions): SendLoop {
  const loop = new Loop(options);
  // Bound here: the app hands `wake` on as a bare function (to the desk).
  return { runOnce: () => loop.run(), start: () => loop.start(), stop: () => loop.stop(), wake: () => loop.wake() };
}

type Job<K extends JobKind> = HeldJob<Extract<HotlineJob | CitizenJob, { kind: K }>>;

/** The loop's state and steps; createSendLoop hands out its public part. */
class Loop {
  private readonly hotline: Hotline;
  private readonly targets: readonly HotlineTarget[];
  private readonly senders: Partial<Record<ChannelName, ChannelSender>>;
  private readonly traits: TraitsOf;
  private readonly log: Log;
  private readonly now: () => number;
  private readonly retry: RetryPolicy;
  private readonly everyMs: number;
  private readonly leaseMs: number;
  private readonly overdueEveryMs: number;
  private overdueCheckedAt = -Infinity;
  private current: Promise<void> | undefined;
  private again = false;
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: SendLoopOptions) {
    this.hotline = options.hotline;
    this.targets = options.targets;
    this.senders = options.senders;
    this.traits = options.traits;
    this.log = options.log;
    this.now = options.now ?? options.hotline.now;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.everyMs = options.everyMs ?? 30_000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.overdueEveryMs = options.overdueEveryMs ?? 5 * 60_000;
  }

  start(): void {
    this.started = true;
    this.stopped = false;
    this.timer = setInterval(() => void this.run(), this.everyMs).unref();
    void this.run();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.stopped = true;
    clearInterval(this.timer);
    await this.current;
  }

  wake(): void {
    if (this.started) void this.run();
  }

  /** One pass at a time in this instance; a call during a pass makes it go round once more. */
  run(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopped);
    })().finally(() => (this.current = undefined));
    return this.current;
  }

  private async pass(): Promise<void> {
    // Overdue flags and failed citizen notices queue hotline jobs: those go in the same pass.
    await this.guarded('overdue check', () => this.flagOverdue());
    await this.guarded('citizen outbox', () => this.work('citizen', (job) => this.notifyCitizen(job)));
    await this.guarded('hotline outbox', () => this.work('hotline', (job) => this.sendToHotline(job)));
  }

  /** Takes the due jobs of `kind` a batch at a time and works through them. */
  private async work<K extends JobKind>(kind: K, fn: (job: Job<K>) => Promise<void>): Promise<void> {
    for (;;) {
      const jobs = await this.hotline.outbox.take(kind, this.now(), this.leaseMs, BATCH);
      await eachLimited(jobs, (job) => this.guarded(`job ${job.id}`, () => fn(job)));
      if (jobs.length < BATCH || this.stopped) return;
    }
  }

  /** A failing store or job is logged and left for the next pass; it never stops the loop. */
  private async guarded(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.log.error({ err }, `send loop: ${what} failed; trying again at the next pass`);
    }
  }

  // ---- Hotline targets ----

  private async sendToHotline(job: HeldJob<HotlineJob>): Promise<void> {
    const { hotline } = this;
    const complaint = await hotline.complaints.get(job.code);
    const delivery = complaint && (job.event === 'new' ? (complaint.deliveries[job.target] ?? firstTry()) : { ...firstTry(), attempts: job.attempts });
    // Gone, or settled already (a job queued again after its delivery was recorded).
    if (!complaint || delivery?.state !== 'pending') return hotline.outbox.finish(job);
    const at = this.now();
    const target = this.targets.find((t) => t.name === job.target);
    const outcome = target && (await deliverTo(target, job, complaint));
    const settle = (d: Delivery): Delivery =>
      outcome ? recordDelivery(d, outcome, at, this.retry) : { state: 'failed', attempts: d.attempts, lastError: { code: 'target_gone', target: job.target } };
    const next = job.event === 'new' ? await this.recordInComplaint(job, settle) : settle(delivery);
    if (next?.state === 'pending') return hotline.outbox.retryAt(job, next.nextTryAt, next);
    if (next?.state === 'failed') this.log.warn({ id: job.id, attempts: next.attempts, lastError: next.lastError }, 'send loop: hotline target gave up');
    await hotline.outbox.finish(job);
  }

  /** Applies `change` to the complaint's record of its delivery to the job's target; undefined when the complaint is gone. */
  private async recordInComplaint(job: HotlineJob, change: (delivery: Delivery) => Delivery): Promise<Delivery | undefined> {
    const result = await this.hotline.complaints.update(job.code, (c) => ({ ...c, deliveries: { ...c.deliveries, [job.target]: change(c.deliveries[job.target] ?? firstTry()) } }));
    return result.ok ? result.complaint.deliveries[job.target] : undefined;
  }

  // ---- Citizens ----

  private async notifyCitizen(job: HeldJob<CitizenJob>): Promise<void> {
    const { hotline } = this;
    const complaint = await hotline.complaints.get(job.code);
    // Erased on request: nothing is sent. Not pending: another job has settled it.
    const notice = complaint && !complaint.erasedAt && complaint.reply?.state === 'pending' ? citizenNotice(complaint) : undefined;
    if (!complaint || !notice) return hotline.outbox.finish(job);
    const at = this.now();
    if (!this.traits(complaint.address.channel).push) {
      // Not a failure: a channel that cannot be pushed to (the web page) has its citizens look the code up.
      await hotline.complaints.update(job.code, (c) => (c.reply?.state === 'pending' ? { ...c, reply: { state: 'on_lookup', attempts: 0, since: at } } : 'reply already settled'));
      return hotline.outbox.finish(job);
    }
    const outcome = await sendNotice(this.senders[complaint.address.channel], complaint, notice);
    // A notice that gave up is told to staff on every target, queued with the record of it.
    const result = await hotline.complaints.update(
      job.code,
      (c) => (c.reply?.state === 'pending' ? { ...c, reply: recordReply(c.reply, outcome, at, this.retry) } : 'reply already settled'),
      (after) => (after.reply?.state === 'failed' ? hotline.hotlineJobs(job.code, 'reply_failed') : []),
    );
    if (!result.ok) return hotline.outbox.finish(job);
    const reply = result.complaint.reply!;
    if (reply.state === 'pending') {
      const retryAfterMs = outcome.ok ? 0 : (outcome.retryAfterMs ?? 0);
      return hotline.outbox.retryAt(job, at + Math.max(this.retry.delayMs(reply.attempts), retryAfterMs));
    }
    if (reply.state === 'failed') this.log.warn({ code: job.code, attempts: reply.attempts, lastError: reply.lastError }, 'send loop: the citizen could not be told; staff are notified');
    await hotline.outbox.finish(job);
  }

  // ---- Overdue ----

  private async flagOverdue(): Promise<void> {
    const { hotline } = this;
    const at = this.now();
    if (at - this.overdueCheckedAt < this.overdueEveryMs) return;
    this.overdueCheckedAt = at;
    const today = hotline.today();
    for (const code of await hotline.complaints.overdueUnflagged(today)) {
      // Of several instances, only the one whose write goes through queues the notices.
      await hotline.complaints.update(
        code,
        (c) => (isOverdue(c, today) && c.overdueNotifiedAt === undefined ? { ...c, overdueNotifiedAt: at } : 'not overdue, or already flagged'),
        () => hotline.hotlineJobs(code, 'overdue'),
      );
    }
  }
}

async function deliverTo(target: HotlineTarget, job: HotlineJob, complaint: Complaint): Promise<{ ok: true } | { ok: false; error: SendError }> {
  try {
    const outcome = await target.deliver({ type: job.event, complaint });
    return outcome.ok ? outcome : { ok: false, error: { code: 'target', detail: outcome.error } };
  } catch (err) {
    return { ok: false, error: { code: 'target_threw', detail: err instanceof Error ? err.message : String(err) } };
  }
}

function firstTry(): Delivery {
  return { state: 'pending', attempts: 0, nextTryAt: 0 };
}

/** Sends by the complaint's channel's `sender`; none (the web chat) is a final failure. */
async function sendNotice(sender: ChannelSender | undefined, complaint: Complaint, notice: Reply[]): Promise<NoticeOutcome> {
  const { channel } = complaint.address;
  if (!sender) return { ok: false, final: true, error: { code: 'no_sender', channel } };
  try {
    const outcome = await sender.send(complaint.address, notice);
    if (outcome.ok) return outcome;
    return { ok: false, final: !isTransient(outcome.reason), error: { code: 'reply', reason: outcome.reason, detail: outcome.detail }, retryAfterMs: outcome.retryAfterMs };
  } catch (err) {
    return { ok: false, final: false, error: { code: 'reply', reason: 'unavailable', detail: err instanceof Error ? err.message : String(err) } };
  }
}

function recordReply(reply: ReplyDelivery, outcome: NoticeOutcome, at: number, retry: RetryPolicy): ReplyDelivery {
  const attempts = reply.attempts + 1;
  if (outcome.ok) return { state: 'sent', attempts, sentAt: at };
  if (outcome.final || attempts >= retry.maxAttempts) return { state: 'failed', attempts, lastError: outcome.error };
  return { state: 'pending', attempts, lastError: outcome.error };
}

/** Runs `fn` over `items`, at most PARALLEL at a time. */
async function eachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}
