// The complaint desk as the rest of the app sees it: the conversation submits and
// looks up, staff (web inbox, Telegram group) act, and every change that someone
// must hear about is queued for the send loop in the same step.
import type { Address } from '../kernel/messages.ts';
import type { Database } from '../store/database.ts';
import { erasePersonalData, transition, type Complaint, type Delivery, type Transition, type TransitionResult } from './complaint.ts';
import { ComplaintStore, type UpdateResult } from './complaint-store.ts';
import { Outbox, type HotlineEventType, type NewJob } from './outbox.ts';
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
  database: Database;
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
// 23^5 codes: a clash is rare; a few tries make it vanishingly so.
const CODE_TRIES = 20;

export class Hotline {
  readonly complaints: ComplaintStore;
  readonly outbox: Outbox;
  readonly now: () => number;

  constructor(private readonly options: HotlineOptions) {
    this.complaints = new ComplaintStore(options.database);
    this.outbox = new Outbox(options.database);
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
   * Stores the complaint durably, queued for every target in the same transaction;
   * only once this resolves may the citizen be given the code.
   */
  async submit(address: Address, draft: ComplaintDraft): Promise<Complaint> {
    if (draft.phone && draft.consentAt === undefined) throw new Error('a phone number needs the citizen’s recorded consent');
    const newCode = this.options.newCode ?? (() => newTrackingCode());
    for (let attempt = 0; attempt < CODE_TRIES; attempt++) {
      const complaint = this.draftComplaint(newCode(), address, draft);
      const jobs = this.hotlineJobs(complaint.code, 'new');
      const stored = await this.complaints.add(complaint, { jobs, ...(draft.key ? { submissionKey: draft.key } : {}) });
      if (!stored) continue;
      this.options.onQueued?.();
      return stored;
    }
    throw new Error(`no free tracking code after ${CODE_TRIES} tries`);
  }

  private draftComplaint(code: string, address: Address, draft: ComplaintDraft): Complaint {
    const at = this.now();
    const deliveries: Record<string, Delivery> = {};
    for (const target of this.options.targets) deliveries[target] = { state: 'pending', attempts: 0, nextTryAt: at };
    return {
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
  }

  /** A notice of `event` about `code` for every target, due now. */
  hotlineJobs(code: string, event: HotlineEventType): NewJob[] {
    const dueAt = this.now();
    return this.options.targets.map((target) => ({ kind: 'hotline', code, target, event, dueAt }));
  }

  /** The complaint a citizen's typed code names ("pa 7kq3 m9x" works), if the code is valid and known. */
  async lookup(typed: string): Promise<Complaint | undefined> {
    const code = parseTrackingCode(typed);
    return code ? this.complaints.get(code) : undefined;
  }

  /** A staff action; an answer, transfer or rejection is queued for the citizen in the same step. */
  async act(code: string, change: Transition): Promise<TransitionResult> {
    const at = this.now();
    const told = TOLD_TO_CITIZEN.has(change.type);
    const result = await this.complaints.update(
      code,
      (complaint) => {
        const next = transition(complaint, change, at);
        if (!next.ok) return next.reason;
        return told ? { ...next.complaint, reply: { state: 'pending', attempts: 0 } } : next.complaint;
      },
      (after) => (told ? [{ kind: 'citizen', code, step: after.history.length, dueAt: at }] : []),
    );
    if (!result.ok) return result;
    if (told) this.options.onQueued?.();
    return { ok: true, complaint: result.complaint };
  }

  /** Erases the citizen's personal data, keeping the anonymous record (code, dates, status, channel, subject). */
  erase(code: string, by: string): Promise<UpdateResult> {
    return this.complaints.update(code, (complaint) => (complaint.erasedAt ? 'already erased' : erasePersonalData(complaint, by, this.now())));
  }
}
