// "tra cứu <mã>": recognising a lookup in what the citizen typed, and what they may
// see of a complaint (status, dates, the staff answer) on any channel and on the
// web page. Never the phone number, never which staff member handled it.
import { isOverdue, type Complaint } from '../complaints/complaint.ts';
import type { Hotline } from '../complaints/hotline.ts';
import { localDate, vnDate } from '../kernel/vietnam-time.ts';
import { parseTrackingCode } from '../complaints/tracking-code.ts';
import { fold } from '../kernel/vietnamese.ts';
import { COMPLAINT_TEXTS, STATUS_TEXTS } from '../texts/citizens.ts';

/** What a message asks: how to look up (no code given), or a lookup of what was typed as the code. */
export type TrackingRequest = { kind: 'help' } | { kind: 'lookup'; typed: string };

export type TrackingResult =
  | { kind: 'found'; view: TrackingView }
  /** Not a valid code: a character is wrong (the check character catches it) or it has the wrong length. */
  | { kind: 'mistyped'; typed: string }
  | { kind: 'unknown'; code: string };

/** What the citizen may see of their complaint; dates as dd/mm/yyyy. */
export interface TrackingView {
  code: string;
  status: Complaint['status'];
  statusText: string;
  /** Absent once the personal data was erased: then only the status is shown. */
  receivedOn?: string;
  dueOn?: string;
  reason?: string;
  answer?: string;
  overdue: boolean;
  erased: boolean;
}

/** The desk as tracking needs it. */
export type ComplaintLookup = Pick<Hotline, 'lookup' | 'today'>;

const COMMAND = /^\/tracuu(?:@\S+)?(?:\s+(.*))?$/is;
/**
 * Something meant as a code after "tra cứu": PA and letters or digits ("pa123" is a code typed
 * short, to be told the format), or a run of letters and digits with a digit in it ("7kq3q9").
 */
const CODE_LIKE = /^(?:pa[\s-]*(?:[a-z0-9][\s-]*){1,10}|(?=[a-z]*\d)[a-z0-9-]{3,12})$/i;
/** A code written out as one on its own (with its separators), even if mistyped: "PA-7KQ3-Q8". */
const CODE_WRITTEN = /^pa[\s-]+[a-z0-9]{4}[\s-]+[a-z0-9]{2,3}$/i;

/**
 * A lookup when the message is "/tracuu …", "tra cứu <something like a code>", or a
 * code alone (when `bareCode`); undefined for anything else ("tra cứu thủ tục khai
 * sinh" is a question for the search).
 */
export function readTrackingRequest(text: string, options: { bareCode: boolean }): TrackingRequest | undefined {
  const trimmed = text.trim();
  const command = COMMAND.exec(trimmed);
  if (command) return command[1]?.trim() ? { kind: 'lookup', typed: command[1].trim() } : { kind: 'help' };
  const rest = afterTraCuu(trimmed);
  if (rest !== undefined) {
    if (!rest) return { kind: 'help' };
    return CODE_LIKE.test(rest) ? { kind: 'lookup', typed: rest } : undefined;
  }
  if (options.bareCode && (parseTrackingCode(trimmed) || CODE_WRITTEN.test(trimmed))) return { kind: 'lookup', typed: trimmed };
  return undefined;
}

/** What follows "tra cứu" (or "tra cuu", "tracuu") at the start of the message, as the citizen wrote it; undefined without it. */
function afterTraCuu(text: string): string | undefined {
  const words = text.split(/\s+/);
  const first = fold(words[0] ?? '');
  if (first === 'tracuu') return words.slice(1).join(' ');
  if (first === 'tra' && fold(words[1] ?? '') === 'cuu') return words.slice(2).join(' ');
  return undefined;
}

export async function trackComplaint(desk: ComplaintLookup, typed: string): Promise<TrackingResult> {
  const code = parseTrackingCode(typed);
  if (!code) return { kind: 'mistyped', typed: typed.trim() };
  const complaint = await desk.lookup(code);
  return complaint ? { kind: 'found', view: trackingView(complaint, desk.today()) } : { kind: 'unknown', code };
}

export function trackingView(complaint: Complaint, today: string): TrackingView {
  const { code, status } = complaint;
  const base = { code, status, statusText: STATUS_TEXTS[status] };
  if (complaint.erasedAt !== undefined) return { ...base, overdue: false, erased: true };
  return {
    ...base,
    receivedOn: vnDate(localDate(complaint.createdAt)),
    dueOn: vnDate(complaint.dueDate),
    ...((status === 'transferred' || status === 'rejected') && complaint.reason ? { reason: complaint.reason } : {}),
    ...(complaint.answer ? { answer: complaint.answer } : {}),
    overdue: isOverdue(complaint, today),
    erased: false,
  };
}

/** The lookup's outcome as one chat message. */
export function renderTracking(result: TrackingResult): string {
  if (result.kind === 'mistyped') return COMPLAINT_TEXTS.mistypedCode(result.typed);
  if (result.kind === 'unknown') return COMPLAINT_TEXTS.unknownCode(result.code);
  return trackingLines(result.view).join('\n');
}

/** The view line by line, as the chat shows it. */
export function trackingLines(view: TrackingView): string[] {
  const notes = [...(view.overdue ? [COMPLAINT_TEXTS.overdue] : []), ...(view.erased ? [COMPLAINT_TEXTS.erased] : [])];
  return [COMPLAINT_TEXTS.trackHeading(view.code), ...trackingFields(view).map(([label, value]) => `${label}: ${value}`), ...notes];
}

/** The view's labelled facts in the order they are shown, on the chat and on the web page. */
export function trackingFields(view: TrackingView): [label: string, value: string][] {
  const labels = COMPLAINT_TEXTS.trackLabels;
  const fields: [string, string | undefined][] = [
    [labels.receivedOn, view.receivedOn],
    [labels.dueOn, view.dueOn],
    [labels.status, view.statusText],
    [labels.reason, view.reason],
    [labels.answer, view.answer],
  ];
  return fields.filter((field): field is [string, string] => field[1] !== undefined);
}
