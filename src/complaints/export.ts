// Complaints as files staff take elsewhere: CSV for Excel and for typing into the
// national PAKN system, JSON for reports and other tools. Pure functions; every
// time is shown in Vietnam time (UTC+7, no daylight saving).
import type { ChannelName } from '../kernel/messages.ts';
import { STATUS_TEXTS } from '../texts/citizens.ts';
import { ERASED_TEXT, EXPORT_HEADERS } from '../texts/staff.ts';
import { ERASED, STATUSES, type Complaint, type Status } from './complaint.ts';
import { vietnamIso, vietnamTime } from '../kernel/vietnam-time.ts';

/** How staff call each status, in the inbox and in exports: the citizen's words, as a label. */
export const STATUS_LABELS = Object.fromEntries(
  STATUSES.map((status) => [status, STATUS_TEXTS[status].charAt(0).toUpperCase() + STATUS_TEXTS[status].slice(1)]),
) as Record<Status, string>;

export const CHANNEL_LABELS: Record<ChannelName, string> = {
  web: 'Web',
  telegram: 'Telegram',
  zalo: 'Zalo',
  'zalo-oa': 'Zalo OA',
};

/**
 * A text of the complaint as staff read it: the record keeps a code where personal data
 * was erased; anything else, including records erased before the code, is shown as stored.
 */
export function readable<T extends string | undefined>(value: T): T | string {
  return value === ERASED ? ERASED_TEXT : value;
}

/** History actions after which the citizen has had their outcome (an answer, a transfer or a rejection). */
const DECIDING_ACTIONS = new Set(['answer', 'transfer', 'reject']);

/** When the citizen was given an outcome (the last answer, transfer or rejection), and when it was closed. */
export function milestones(complaint: Complaint): { decidedAt?: number; closedAt?: number } {
  const last = (keep: (action: string) => boolean) => complaint.history.findLast((event) => keep(event.action))?.at;
  return { decidedAt: last((action) => DECIDING_ACTIONS.has(action)), closedAt: last((action) => action === 'close') };
}

const time = (ms: number | undefined) => (ms === undefined ? '' : vietnamTime(ms));

const H = EXPORT_HEADERS;
const CSV_COLUMNS: ReadonlyArray<[header: string, cell: (c: Complaint) => string]> = [
  [H.code, (c) => c.code],
  [H.received, (c) => vietnamTime(c.createdAt)],
  [H.due, (c) => c.dueDate],
  [H.status, (c) => STATUS_LABELS[c.status] ?? c.status],
  [H.channel, (c) => CHANNEL_LABELS[c.address.channel] ?? c.address.channel],
  [H.subject, (c) => c.subject ?? ''],
  [H.text, (c) => readable(c.text)],
  [H.phone, (c) => c.phone ?? ''],
  [H.consentAt, (c) => time(c.consentAt)],
  [H.assignee, (c) => c.assignee ?? ''],
  [H.answer, (c) => readable(c.answer) ?? ''],
  [H.reason, (c) => readable(c.reason) ?? ''],
  [H.decidedAt, (c) => time(milestones(c).decidedAt)],
  [H.closedAt, (c) => time(milestones(c).closedAt)],
  [H.erasedAt, (c) => time(c.erasedAt)],
];

const BOM = '\uFEFF';
/** Characters that make a spreadsheet read a cell as a formula (and tab/CR, which some also do). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: text a spreadsheet shows as typed, quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * UTF-8 CSV with a byte-order mark (so Excel reads Vietnamese right), a header row and
 * CRLF line ends, a piece at a time: a large export is never held whole in memory.
 */
export async function* complaintsToCsv(complaints: Iterable<Complaint> | AsyncIterable<Complaint>): AsyncGenerator<string> {
  yield BOM + csvLine(CSV_COLUMNS.map(([header]) => header));
  for await (const c of complaints) yield csvLine(CSV_COLUMNS.map(([, cell]) => cell(c)));
}

/** One complaint in the JSON export: everything but the citizen's chat id, times in Vietnam time. */
export interface ExportedComplaint {
  code: string;
  receivedAt: string;
  dueDate: string;
  status: Status;
  statusLabel: string;
  channel: ChannelName;
  subject: string | null;
  text: string;
  phone: string | null;
  consentAt: string | null;
  assignee: string | null;
  answer: string | null;
  reason: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  erasedAt: string | null;
  history: { at: string; by: string; action: string; note: string | null }[];
}

export function toExported(c: Complaint): ExportedComplaint {
  const iso = (ms: number | undefined) => (ms === undefined ? null : vietnamIso(ms));
  const { decidedAt, closedAt } = milestones(c);
  return {
    code: c.code,
    receivedAt: vietnamIso(c.createdAt),
    dueDate: c.dueDate,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status] ?? c.status,
    channel: c.address.channel,
    subject: c.subject ?? null,
    text: readable(c.text),
    phone: c.phone ?? null,
    consentAt: iso(c.consentAt),
    assignee: c.assignee ?? null,
    answer: readable(c.answer) ?? null,
    reason: readable(c.reason) ?? null,
    answeredAt: iso(decidedAt),
    closedAt: iso(closedAt),
    erasedAt: iso(c.erasedAt),
    history: c.history.map((event) => ({ at: vietnamIso(event.at), by: event.by, action: event.action, note: event.note ?? null })),
  };
}

/** A JSON array of exported complaints, indented for people who open it, a complaint at a time. */
export async function* complaintsToJson(complaints: Iterable<Complaint> | AsyncIterable<Complaint>): AsyncGenerator<string> {
  let separator = '[\n';
  for await (const c of complaints) {
    yield separator + JSON.stringify(toExported(c), null, 2).replace(/^/gm, '  ');
    separator = ',\n';
  }
  yield separator === '[\n' ? '[]\n' : '\n]\n';
}
