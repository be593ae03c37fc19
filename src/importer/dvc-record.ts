// Turns one national-portal record (see knowledge/national/README.md for its fields) into the
// front matter of an imported procedure file. Pure: no I/O, today's date comes from the caller.
import { z } from 'zod';
import { CODE_PATTERN, procedureSchema, type ProcedureFields } from '../knowledge/schema.ts';
import { channelsOffered, formatTime, parseChannelTable, summarise, type Channel } from './dvc-channels.ts';
import { capText, cleanInline, cleanMultiline } from './dvc-clean.ts';
import { LEGAL_HEADER, extractResult, splitDocuments, splitLegalBasis, splitSteps } from './dvc-lists.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';
import { PORTAL_TEXTS } from '../texts/citizens.ts';

// Only the fields we read; the portal's other fields are ignored.
const cell = z.string().nullish().transform((value) => value ?? '');
const rawRecordSchema = z.object({
  ma_thu_tuc: cell,
  ten_thu_tuc: cell,
  detail_url: cell,
  linh_vuc: cell,
  cap_thuc_hien: cell,
  co_quan_thuc_hien: cell,
  co_quan_co_tham_quyen: cell,
  yeu_cau_dieu_kien: cell,
  cach_thuc_thuc_hien: cell,
  thanh_phan_ho_so: cell,
  trinh_tu_thuc_hien: cell,
  can_cu_phap_ly: cell,
  ket_qua_xu_ly: cell,
});
type RawRecord = z.infer<typeof rawRecordSchema>;

export type RecordResult =
  | {
      ok: true;
      code: string;
      fields: ProcedureFields;
      /** Fields the portal filled in but we could not (fully) read, so left empty or partial. */
      unparsed: string[];
    }
  | { ok: false; code?: string; reason: string };

const CONDITIONS_MAX = 3000;
/** The portal's channel names (matched in its table), to the citizens' words for each. */
const SUBMIT_PHRASE: Record<Channel, string> = {
  'Trực tiếp': PORTAL_TEXTS.submit.inPerson,
  'Trực tuyến': PORTAL_TEXTS.submit.online,
  'Dịch vụ bưu chính': PORTAL_TEXTS.submit.postal,
};

export function mapDvcRecord(raw: unknown, today: string): RecordResult {
  const parsed = rawRecordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: K.notPortalRecord(zodMessage(parsed.error)) };
  const record = parsed.data;
  const code = cleanInline(record.ma_thu_tuc);
  const title = cleanInline(record.ten_thu_tuc);
  if (code === '') return { ok: false, reason: K.noCode };
  if (!CODE_PATTERN.test(code)) return { ok: false, code, reason: K.badCode(code) };
  if (title === '') return { ok: false, code, reason: K.noTitle };

  const { fields, unparsed } = toFields(record, code, title, today);
  const checked = procedureSchema.safeParse(fields);
  if (!checked.success) return { ok: false, code, reason: zodMessage(checked.error) };
  return { ok: true, code, fields: checked.data, unparsed };
}

function toFields(record: RawRecord, code: string, title: string, today: string) {
  const { table, offered, read, unparsed } = readLists(record);
  const submitVia = (channel: Channel) => (offered.includes(channel) ? SUBMIT_PHRASE[channel] : '');
  const url = cleanInline(record.detail_url);
  const fields = {
    id: code,
    kind: 'procedure',
    code,
    title,
    sector: cleanInline(record.linh_vuc) || PORTAL_TEXTS.noSector,
    level: cleanInline(record.cap_thuc_hien),
    agency: cleanInline(record.co_quan_thuc_hien) || cleanInline(record.co_quan_co_tham_quyen),
    submit: { in_person: submitVia('Trực tiếp'), online: submitVia('Trực tuyến'), postal: submitVia('Dịch vụ bưu chính') },
    documents: read.documents,
    steps: read.steps,
    processing_time: summarise(table.rows, (row) => row.time && formatTime(row.time)),
    fee: summarise(table.rows, (row) => row.fee),
    conditions: capText(cleanMultiline(record.yeu_cau_dieu_kien), CONDITIONS_MAX),
    result: read.result,
    legal_basis: read.legal_basis,
    portal_url: url || undefined,
    sources: [{ title: PORTAL_TEXTS.sourceTitle(code), url }],
    updated: today,
    review_by: addMonths(today, 6),
    origin: 'imported',
  };
  return { fields, unparsed };
}

/** The record's structured fields (the channel table and the lists), and the names of those filled in but not read. */
function readLists(record: RawRecord) {
  const source = {
    channels: cleanInline(record.cach_thuc_thuc_hien),
    documents: cleanMultiline(record.thanh_phan_ho_so),
    steps: cleanMultiline(record.trinh_tu_thuc_hien),
    legal_basis: cleanInline(record.can_cu_phap_ly),
    result: cleanInline(record.ket_qua_xu_ly),
  };
  const { channelText, legalText } = repairLegalSplit(source.channels, source.legal_basis);
  const table = parseChannelTable(channelText);
  const offered = channelsOffered(table.rows);
  const read = {
    documents: splitDocuments(source.documents),
    steps: splitSteps(source.steps),
    legal_basis: splitLegalBasis(legalText),
    result: extractResult(source.result),
  };
  const unparsed: string[] = [];
  if (table.unparsed) unparsed.push('processing_time', 'fee');
  if (channelText !== '' && offered.length === 0) unparsed.push('submit');
  for (const field of ['documents', 'steps', 'legal_basis', 'result'] as const) {
    if (source[field] !== '' && read[field].length === 0) unparsed.push(field);
  }
  return { table, offered, read, unparsed };
}

/**
 * The crawler cut a few pages at the words "Căn cứ pháp lý" inside a fee note, so the rest of
 * the channel table landed in can_cu_phap_ly. Glue it back; the real legal basis is then unknown.
 */
function repairLegalSplit(channelText: string, legalText: string): { channelText: string; legalText: string } {
  if (channelText.endsWith('(') && legalText.startsWith(':') && !legalText.startsWith(LEGAL_HEADER)) {
    return { channelText: `${channelText}Căn cứ pháp lý${legalText}`, legalText: '' };
  }
  return { channelText, legalText };
}

/** Adds calendar months to a YYYY-MM-DD date, clamping to the month's last day (08-31 → 02-28). */
export function addMonths(isoDate: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1 + months, Number(match[3])];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((issue) => K.recordIssue(issue.path.join('.'), issue.message)).join('; ');
}
