// The complaint desk as the rest of the app sees it: the conversation submits and
// looks up, staff (web inbox, Telegram group) act, and every change that someone
// must hear about is queued for the send loop in the same step.
import type { Address } from '../kernel/messages.ts';
import type { Store } from '../store/store.ts';
import { erasePersonalData, transition, type Complaint, type Delivery, type Transition, type TransitionResult } from './complaint.ts';
import { ComplaintStore, type UpdateResult } from './complaint-store.ts';
import { CITIZEN_OUTBOX, HOTLINE_OUTBOX, hotlineJobId, type CitizenJob, type HotlineJob } from './outbox.ts';
import { newTrackingCode, parseTrackingCode } from './tracking-code.ts';
import { localDate } from '../kernel/vietnam-time.ts';
import type { WorkingCalendar } from './working-days.ts';

/** What the citizen gave during intake. */
export interface ComplaintDraft {
  text: string;
  /** Office or procedure concerned, if named. */
  subject?: string;
  phone?: string;
  /** When the citizen agreed to the personal-data notice; required with a phone. */
  consentAt?: number;
  /**
   * Makes submitting idempotent: a draft submitted again with the same key (a message
   * handled twice after a crash, a double press) gets the complaint already stored.
   */
  key?: string;
}

export interface HotlineOptions {
  store: Store;
  calendar: WorkingCalendar;
  /** Working days staff have to answer. */
  dueWorkingDays: number;
  /** Names of the configured hotline targets: each new complaint is queued for each. */
  targets: readonly string[];
  now?: () => number;
  newCode?: () => string;
  /** Told when something was queued, so that the send loop can go at once. */
  onQueued?: () => void;
}

/** Actions that the citizen is told about on their channel. */
const TOLD_TO_CITIZEN: ReadonlySet<Transition['type']> = new Set(['answer', 'transfer', 'reject']);
/** Submission key → the tracking code it was given. */
const SUBMISSIONS = 'complaint-submissions';
const SUBMISSION_KEPT_MS = 30 * 24 * 3600_000;

export class Hotline {
  readonly complaints: ComplaintStore;
  readonly now: () => number;

  constructor(private readonly options: HotlineOptions) {
    this.complaints = new ComplaintStore(options.store);
    this.now = options.now ?? Date.now;
  }

  get targets(): readonly string[] {
    return this.options.targets;
  }

  /** Today's date in Vietnam, YYYY-MM-DD. */
  today(): string {
    return localDate(this.now());
  }

  /**
   * Stores the complaint durably and queues it for every target; only once this resolves
   * may the citizen be given the code. Jobs go first: a crash midway leaves jobs that
   * name no complaint (dropped by the send loop), never a complaint no target hears of.
   */
  async submit(address: Address, draft: ComplaintDraft): Promise<Complaint> {
    if (draft.phone && draft.consentAt === undefined) throw new Error('a phone number needs the citizen’s recorded consent');
    const at = this.now();
    const code = draft.key ? await this.codeForKey(draft.key) : await this.freshCode();
    const deliveries: Record<string, Delivery> = {};
    for (const target of this.options.targets) deliveries[target] = { state: 'pending', attempts: 0, nextTryAt: at };
    const complaint: Complaint = {
      code,
      address,
      text: draft.text.trim(),
      ...(draft.subject?.trim() ? { subject: draft.subject.trim() } : {}),
      ...(draft.phone ? { phone: draft.phone } : {}),
      ...(draft.consentAt !== undefined ? { consentAt: draft.consentAt } : {}),
      createdAt: at,
      dueDate: this.options.calendar.addWorkingDays(localDate(at), this.options.dueWorkingDays),
      status: 'received',
      deliveries,
      history: [{ at, by: 'citizen', action: 'receive' }],
    };
    for (const target of this.options.targets) await this.queueForHotline({ code, target, event: 'new' });
    const stored = await this.complaints.addOnce(complaint);
    this.options.onQueued?.();
    return stored;
  }

  /** The complaint a citizen's typed code names ("pa 7kq3 m9x" works), if the code is valid and known. */
  async lookup(typed: string): Promise<Complaint | undefined> {
    const code = parseTrackingCode(typed);
    return code ? this.complaints.get(code) : undefined;
  }

  /** A staff action; an answer, transfer or rejection is queued for the citizen in the same step. */
  async act(code: string, change: Transition): Promise<TransitionResult> {
    const at = this.now();
    const result = await this.complaints.update(code, (complaint) => {
      const next = transition(complaint, change, at);
      if (!next.ok) return next.reason;
      return TOLD_TO_CITIZEN.has(change.type) ? { ...next.complaint, reply: { state: 'pending', attempts: 0 } } : next.complaint;
    });
    if (!result.ok) return result;
    if (TOLD_TO_CITIZEN.has(change.type)) {
      await this.options.store.enqueue<CitizenJob>(CITIZEN_OUTBOX, `${code}:${result.complaint.history.length}`, { code });
      this.options.onQueued?.();
    }
    return { ok: true, complaint: result.complaint };
  }

  /** Erases the citizen's personal data, keeping the anonymous record (code, dates, status, channel, subject). */
  erase(code: string, by: string): Promise<UpdateResult> {
    return this.complaints.update(code, (complaint) => (complaint.erasedAt ? 'already erased' : erasePersonalData(complaint, by, this.now())));
  }

  /** Queues a notice to one hotline target (idempotent per complaint, target and event). */
  async queueForHotline(job: HotlineJob): Promise<void> {
    await this.options.store.enqueue<HotlineJob>(HOTLINE_OUTBOX, hotlineJobId(job), job);
  }

  /** The code this submission key was given; a new one the first time. */
  private async codeForKey(key: string): Promise<string> {
    const code = await this.freshCode();
    if (await this.options.store.claim(SUBMISSIONS, key, code, SUBMISSION_KEPT_MS)) return code;
    const given = await this.options.store.get<string>(SUBMISSIONS, key);
    if (!given) throw new Error(`submission ${key}: its code expired while being read`);
    return given;
  }

  private async freshCode(): Promise<string> {
    const newCode = this.options.newCode ?? (() => newTrackingCode());
    // 23^5 codes: a clash is rare; a few tries make it vanishingly so.
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newCode();
      if (await this.complaints.reserveCode(code)) return code;
    }
    throw new Error('no free tracking code after 20 tries');
  }
}
