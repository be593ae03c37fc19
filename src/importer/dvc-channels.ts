// Parses the portal's "Cách thức thực hiện" table, which the crawler flattened to
// "Hình thức nộpThời gianPhí, lệ phíMô tả" followed by rows of
// <channel><time><fee>[(<fee note>)]<description>, all glued together.
import { PLACEHOLDER, clip } from './dvc-clean.ts';
import { PORTAL_TEXTS } from '../texts/citizens.ts';

export const CHANNELS = ['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelRow {
  channel: Channel;
  /** As the portal wrote it; null when it says nothing or the cell cannot be told apart. */
  time: string | null;
  /** Amount plus the portal's note in brackets, if any; null as for time. */
  fee: string | null;
  description: string;
}

export interface ChannelTable {
  rows: ChannelRow[];
  /** True when some text could not be read as rows, or a time/fee cell was ambiguous. */
  unparsed: boolean;
}

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const CHANNEL = CHANNELS.join('|');
const UNIT = 'Ngày làm việc|Ngày|Giờ|Tháng|Năm|Phút';
// A time is "60 Ngày làm việc", a bare number, the placeholder, or (rarely) a short phrase
// such as "Không quy định"; a phrase must start right after the channel with a capital,
// which sets it apart from prose like "Trực tiếp: nộp hồ sơ…" in a description.
const TIME = String.raw`\d+(?:[.,]\d+)?\s?(?:${UNIT})|\d+|${PLACEHOLDER}|\p{Lu}(?:(?!${CHANNEL})[^\n]){0,150}?`;
const FEE = String.raw`Miễn phí|${PLACEHOLDER}|\d[\d.,]*\s?(?:Việt Nam Đồng|VNĐ|USD|EUR|Đồng|đồng)`;
const ROW = new RegExp(String.raw`(${CHANNEL})(${TIME})\s?(${FEE})`, 'gu');
const NOTE_MAX = 300;

export function parseChannelTable(text: string): ChannelTable {
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text;
  const matches = [...body.matchAll(ROW)];
  const rows: ChannelRow[] = [];
  let unparsed = body.slice(0, matches[0]?.index ?? body.length).trim() !== '';
  matches.forEach((match, i) => {
    const [whole, channel, time = '', fee = ''] = match;
    const rowEnd = matches[i + 1]?.index ?? body.length;
    const cellsEnd = match.index + whole.length;
    const note = bracketed(body.slice(cellsEnd, rowEnd));
    // "120 VNĐ" after a channel may be 1 + 20 VNĐ or 12 + 0 VNĐ: the portal left no separator.
    const ambiguous = /^\d+$/.test(time) && /^\d/.test(fee);
    unparsed ||= ambiguous;
    rows.push({
      channel: channel as Channel,
      time: ambiguous || time === PLACEHOLDER ? null : time.trim().replace(/[.;,]+$/, ''),
      fee: ambiguous || fee === PLACEHOLDER ? null : note.inner ? `${fee} (${clip(note.inner, NOTE_MAX)})` : fee,
      description: body.slice(cellsEnd + note.length, rowEnd).trim(),
    });
  });
  return { rows, unparsed };
}

/** A balanced "(…)" at the very start of text: its contents and its full length. */
function bracketed(text: string): { inner: string; length: number } {
  let depth = 0;
  for (let i = 0; i < text.length && text[0] === '('; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return { inner: text.slice(1, i).trim(), length: i + 1 };
  }
  return { inner: '', length: 0 };
}

/** The channels the table offers, in the portal's usual order. */
export function channelsOffered(rows: ChannelRow[]): Channel[] {
  return CHANNELS.filter((channel) => rows.some((row) => row.channel === channel));
}

export function formatTime(time: string): string {
  return /^\d+(?:[.,]\d+)?$/.test(time) ? PORTAL_TEXTS.noUnit(time) : time;
}

/**
 * One value when every channel has the same, else "Trực tiếp, Trực tuyến: A; Dịch vụ bưu chính: B".
 * A channel listed in several rows (one per case) gets "A hoặc B". Rows without a value leave
 * their channel out rather than being guessed, which also forces the labels.
 */
export function summarise(rows: ChannelRow[], pick: (row: ChannelRow) => string | null): string {
  // Values in table order, so channels listing the same cases in another order still match.
  const allValues = [...new Set(rows.map(pick).filter((value) => value !== null))];
  const valuesOf = new Map<Channel, string[]>();
  for (const channel of channelsOffered(rows)) {
    const own = new Set(rows.filter((row) => row.channel === channel).map(pick));
    const known = allValues.filter((value) => own.has(value));
    if (known.length > 0) valuesOf.set(channel, known);
  }
  const channelsByValue = new Map<string, Channel[]>();
  for (const [channel, values] of valuesOf) {
    const value = values.join(PORTAL_TEXTS.or);
    channelsByValue.set(value, [...(channelsByValue.get(value) ?? []), channel]);
  }
  const [only] = channelsByValue.keys();
  if (channelsByValue.size === 1 && only !== undefined && rows.every((row) => pick(row) !== null)) return only;
  return [...channelsByValue].map(([value, channels]) => `${channels.join(', ')}: ${value}`).join('; ');
}
