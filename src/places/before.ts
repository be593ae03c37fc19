// Reads the free-text `before` of a unit ("Phường Quán Thánh, một phần diện tích TN, quy
// mô dân số của các phường Cửa Nam, Điện Biên, phần còn lại của phường Cửa Đông…") into
// the old units it was formed from. People wrote it: mixed case, lists joined by commas
// or "và", a list's type said once ("các phường A, B"), partial merges, and the old
// district only sometimes in parentheses. What cannot be read is returned, not guessed.
import { leadingType, type UnitType } from './names.ts';

/** How much of an old unit went into the new one, as the text says. */
export type Share = 'whole' | 'part' | 'rest';

export interface OldPart {
  /** Undefined when written bare and no list type applies ("Krông Na"). */
  type?: UnitType;
  /** The name as written, without its type: "Bến Nghé", "3". */
  name: string;
  /** The old district, as written: "Quận 6", "huyện Mai Sơn". */
  district?: string;
  /** The district was not written beside this part but taken from its list (see inferDistricts). */
  districtInferred?: boolean;
  /** The old province, when the parenthesis names it ("huyện Châu Thành, tỉnh Trà Vinh"). */
  province?: string;
  share: Share;
}

export interface ParsedBefore {
  /** "giữ nguyên": the unit did not change. */
  kept: boolean;
  parts: OldPart[];
  /** Pieces of the text that name no unit, as written (notes, "Trường bắn TB1"). */
  unread: string[];
}

interface Piece {
  text: string;
  notes: string[];
}

const KEPT = /^giữ nguyên\.?$/iu;
/** Qualifiers that open a piece; each sets how much of the units after it was merged (until the next one). */
const QUALIFIERS: [RegExp, Share | undefined][] = [
  [/^(?:sắp xếp\s+)?(?:một|1) phần(?:\s+diện tích(?:\s+(?:tn|tự nhiên))?)?/iu, 'part'],
  [/^toàn bộ\s+diện tích(?:\s+(?:tn|tự nhiên))?/iu, 'whole'],
  [/^phần còn l[aạ]i/iu, 'rest'],
  // "…, quy mô dân số của các phường": the second half of a qualifier cut by its comma.
  [/^(?:(?:toàn bộ|toàn bố|một phần)\s+)?quy mô dân số/iu, undefined],
];
const OF = /^(?:(?:của|củ)\s+)*(?:các\s+)?/iu;
const AND = /^ và $/iu;
const LEADING = /^(?:và\s+)?(?:các\s+)?/iu;
const TRAILING = /\s+sau khi (?:sắp|sáp) (?:xếp|nhập)\b.*$/iu;
/** A name: capitalised words or numbers ("Điện Biên", "Mỹ Đình 1", "Bà Rịa - Vũng Tàu", "Nông trường Việt Trung"). */
const NAME = /^(?:Nông trường\s+)?[\p{Lu}\d][\p{L}\p{M}\d’']*(?:(?:\s+|\s*-\s*)[\p{Lu}\d][\p{L}\p{M}\d’']*){0,5}$/u;
const NOTE_START = /\.\s+(?=Từ ngày|Kể từ|Ghi chú)/iu;
const RUN_ON = /^(.*(?:^|\s)[\p{Lu}\d][\p{L}\p{M}\d’']*)\s+((?:Xã|Phường|Thị trấn)\s+\p{Lu}.*)$/u;
/** "các phường Phường Cửa Nam" is one unit with its type written twice, not two. */
const TYPE_END = /(?:xã|phường|thị trấn)$/iu;
const DISTRICT_NOTE = /^(?:quận|huyện|thị xã|thành phố|tp\.?)\s+/iu;
const PROVINCE_NOTE = /^tỉnh\s+/iu;
/** The file's own spellings of whole units that the name table cannot split. */
const WHOLE_NAMES = new Map(Object.entries({ tphcm: 'thành phố Hồ Chí Minh' }));

export function parseBefore(before: string): ParsedBefore {
  const text = before.normalize('NFC').replace(/%/g, '').replace(/\s+/g, ' ').trim();
  if (KEPT.test(text)) return { kept: true, parts: [], unread: [] };
  const [main, ...notes] = text.split(NOTE_START);
  const unread = notes.map((n) => n.trim());
  const parts: OldPart[] = [];
  let share: Share = 'whole';
  for (const piece of pieces(main!).flatMap(splitRunOn)) {
    let rest = piece.text.replace(LEADING, '');
    for (let q = qualifier(rest); q; q = qualifier(rest)) {
      share = q.share ?? share;
      rest = rest.slice(q.length).trim().replace(OF, '');
    }
    rest = (WHOLE_NAMES.get(rest.toLowerCase()) ?? rest).replace(TRAILING, '').trim();
    if (!rest && !piece.notes.length) continue;
    // A bare name is of the type of the unit before it ("các phường Cửa Nam, Điện Biên").
    const part = rest ? readPart(rest, piece.notes, share, parts.at(-1)?.type) : undefined;
    if (part) parts.push(part);
    else unread.push([piece.text, ...piece.notes.map((n) => `(${n})`)].join(' ').trim());
  }
  inferDistricts(parts);
  return { kept: false, parts, unread };
}

function qualifier(text: string): { share: Share | undefined; length: number } | undefined {
  for (const [pattern, share] of QUALIFIERS) {
    const m = pattern.exec(text);
    if (m) return { share, length: m[0].length };
  }
  return undefined;
}

/** Two units run together without a comma ("xã Yên Định Xã Yên Định"): split before the second type word. */
function splitRunOn(piece: Piece): Piece[] {
  const m = RUN_ON.exec(piece.text);
  if (!m || TYPE_END.test(m[1]!)) return [piece];
  return [{ text: m[1]!, notes: [] }, ...splitRunOn({ text: m[2]!, notes: piece.notes })];
}

/** The text split at commas, semicolons and "và" outside parentheses; parentheses become notes of their piece. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let current: Piece = { text: '', notes: [] };
  let depth = 0;
  let note = '';
  const flush = () => {
    current.text = current.text.trim();
    if (current.text || current.notes.length) out.push(current);
    current = { text: '', notes: [] };
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || (ch === ')' && depth > 0)) {
      depth += ch === '(' ? 1 : -1;
      if (depth === 0) {
        current.notes.push(note.trim());
        note = '';
      } else if (depth > 1 || ch === ')') note += ch;
    } else if (depth > 0) note += ch;
    else if (ch === ',' || ch === ';') flush();
    else if (ch === ' ' && AND.test(text.slice(i, i + 4)) && current.text.trim()) {
      flush();
      i += 3;
    } else current.text += ch;
  }
  flush();
  return out;
}

function readPart(text: string, notes: readonly string[], share: Share, inherited: UnitType | undefined): OldPart | undefined {
  const lead = leadingType(text);
  let name = lead?.rest ?? text;
  // "các phường Phường Cửa Nam": the type written twice.
  const again = lead && leadingType(name);
  if (lead && again?.type === lead.type) name = again.rest;
  if (!NAME.test(name)) return undefined;
  const type = lead?.type ?? inherited;
  const part: OldPart = { name, share, ...(type ? { type } : {}) };
  for (const note of notes) {
    if (/phần còn lại/iu.test(note)) part.share = 'rest';
    else if (DISTRICT_NOTE.test(note)) {
      const [district, province] = note.split(/\s*,\s*/);
      part.district = district!;
      if (province && PROVINCE_NOTE.test(province)) part.province = province;
    } else if (PROVINCE_NOTE.test(note)) part.province = note;
  }
  return part;
}

/**
 * A list often names the district once, after its last unit: "Phường 10, Phường 11
 * (Quận 6), Phường 16 (Quận 8)". A part without one takes the district of the next
 * part of the same type that has one, else of the previous; it is marked inferred.
 */
function inferDistricts(parts: OldPart[]): void {
  const explicit = parts.map((p) => p.district);
  for (const [i, part] of parts.entries()) {
    if (part.district) continue;
    const from = findDistrict(parts, explicit, i, 1) ?? findDistrict(parts, explicit, i, -1);
    if (from) Object.assign(part, { district: from, districtInferred: true });
  }
}

function findDistrict(parts: readonly OldPart[], explicit: readonly (string | undefined)[], at: number, step: 1 | -1): string | undefined {
  for (let j = at + step; j >= 0 && j < parts.length; j += step) {
    if (parts[j]!.type !== parts[at]!.type) return undefined;
    if (explicit[j]) return explicit[j];
  }
  return undefined;
}
