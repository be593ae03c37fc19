// A complaint (phản ánh, kiến nghị) and its two life lines, kept apart on purpose:
// `status` is what the citizen sees, `delivery` is whether the hotline has it. Every
// change goes through a named transition that says whether it is allowed; no IO here.
import type { Address, SendError } from '../kernel/messages.ts';
import { scheduledRetry, type RetryPolicy } from '../kernel/retry.ts';

export const STATUSES = ['received', 'in_progress', 'answered', 'closed', 'transferred', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

/** Why the last try failed; the words of it in records written before errors were kept as codes. */
export type LastError = SendError | string;

export type Delivery =
  | { state: 'pending'; attempts: number; nextTryAt: number; lastError?: LastError }
  | { state: 'delivered'; attempts: number; deliveredAt: number }
  | { state: 'failed'; attempts: number; lastError: LastError };

export interface HistoryEvent {
  at: number;
  /** Staff user name, or "citizen" / "system". */
  by: string;
  action: string;
  note?: string;
}

/** Whether the citizen has been told of a staff answer (or transfer, rejection) on their channel. */
export type ReplyDelivery =
  | { state: 'pending'; attempts: number; lastError?: LastError }
  | { state: 'sent'; attempts: number; sentAt: number }
  /** The channel refused it (window closed, bot blocked): staff are told; the citizen still sees it through "tra cứu". */
  | { state: 'failed'; attempts: number; lastError: LastError }
  /** The channel cannot push (web chat): nothing went wrong, the answer waits for the citizen's "tra cứu". */
  | { state: 'on_lookup'; attempts: 0; since: number };

export interface Complaint {
  code: string;
  address: Address;
  text: string;
  /** Office or procedure the citizen named, if any. */
  subject?: string;
  phone?: string;
  /** When the citizen agreed to the personal-data notice (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Nghị định 356/2025/NĐ-CP); required for a phone. */
  consentAt?: number;
  createdAt: number;
  /** Working-day deadline for the answer, as YYYY-MM-DD. */
  dueDate: string;
  status: Status;
  assignee?: string;
  answer?: string;
  /** Why it was transferred or rejected. */
  reason?: string;
  /** Delivery to each configured hotline target (Telegram staff group, webhook), by target name; the web inbox needs none. */
  deliveries: Record<string, Delivery>;
  /** The last notice to the citizen about a staff action, if any. */
  reply?: ReplyDelivery;
  /** When staff were told the answer is overdue (told once). */
  overdueNotifiedAt?: number;
  /** When the personal data was erased on request; the anonymous record stays. */
  erasedAt?: number;
  history: HistoryEvent[];
}

/** The statuses in which staff still owe an answer. */
export const OPEN_STATUSES: readonly Status[] = ['received', 'in_progress'];

/** Past its due date (YYYY-MM-DD, compared with today's date in the same form) and still open. */
export function isOverdue(complaint: Complaint, today: string): boolean {
  return OPEN_STATUSES.includes(complaint.status) && today > complaint.dueDate;
}

/** A delivery to the hotline or the reply to the citizen gave up: staff must act by hand. */
export function hasFailedSend(complaint: Complaint): boolean {
  return Object.values(complaint.deliveries).some((delivery) => delivery.state === 'failed') || complaint.reply?.state === 'failed';
}

/** Stored in place of what was erased; shown to staff in words (see `readable` in export.ts). */
export const ERASED = '[erased]';

/**
 * Removes what identifies the citizen (their words, phone, chat, staff notes that may
 * quote them) and keeps the anonymous record: code, dates, status, channel, subject.
 */
export function erasePersonalData(complaint: Complaint, by: string, at: number): Complaint {
  return {
    ...complaint,
    address: { channel: complaint.address.channel, chatId: ERASED },
    text: ERASED,
    phone: undefined,
    answer: complaint.answer === undefined ? undefined : ERASED,
    reason: complaint.reason === undefined ? undefined : ERASED,
    erasedAt: at,
    history: [...complaint.history.map(({ note: _note, ...event }) => event), { at, by, action: 'erase' }],
  };
}

export type Transition =
  | { type: 'claim'; by: string }
  | { type: 'answer'; by: string; text: string }
  | { type: 'close'; by: string }
  | { type: 'transfer'; by: string; reason: string }
  | { type: 'reject'; by: string; reason: string };

/** Which statuses each transition may start from. */
const ALLOWED: Record<Transition['type'], readonly Status[]> = {
  claim: ['received'],
  answer: ['received', 'in_progress'],
  close: ['answered'],
  transfer: ['received', 'in_progress'],
  reject: ['received', 'in_progress'],
};

const TARGET: Record<Transition['type'], Status> = {
  claim: 'in_progress',
  answer: 'answered',
  close: 'closed',
  transfer: 'transferred',
  reject: 'rejected',
};

export type TransitionResult = { ok: true; complaint: Complaint } | { ok: false; reason: string };

/** Applies a staff action; a refused one leaves the complaint untouched and says why. */
export function transition(complaint: Complaint, change: Transition, at: number): TransitionResult {
  if (!ALLOWED[change.type].includes(complaint.status)) {
    return { ok: false, reason: `cannot ${change.type} a complaint that is ${complaint.status}` };
  }
  if ((change.type === 'answer' && !change.text.trim()) || ((change.type === 'transfer' || change.type === 'reject') && !change.reason.trim())) {
    return { ok: false, reason: `${change.type} needs a text` };
  }
  const next: Complaint = { ...complaint, status: TARGET[change.type], history: [...complaint.history] };
  let note: string | undefined;
  if (change.type === 'claim') next.assignee = change.by;
  if (change.type === 'answer') next.answer = note = change.text.trim();
  if (change.type === 'transfer' || change.type === 'reject') next.reason = note = change.reason.trim();
  next.history.push({ at, by: change.by, action: change.type, ...(note ? { note } : {}) });
  return { ok: true, complaint: next };
}

/** Records a delivery attempt to the hotline: delivered, retried later, or given up. */
export function recordDelivery(delivery: Delivery, outcome: { ok: true } | { ok: false; error: SendError }, at: number, retry: RetryPolicy): Delivery {
  const attempts = delivery.attempts + 1;
  if (outcome.ok) return { state: 'delivered', attempts, deliveredAt: at };
  if (attempts >= retry.maxAttempts) return { state: 'failed', attempts, lastError: outcome.error };
  return { state: 'pending', attempts, lastError: outcome.error, nextTryAt: at + retry.delayMs(attempts) };
}

/** 1 min, 5 min, 30 min, then every 2 hours, up to a day of trying. */
export const DEFAULT_RETRY: RetryPolicy = scheduledRetry(15, [60_000, 300_000, 1_800_000, 7_200_000]);
