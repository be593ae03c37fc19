// How citizens point back at something the bot said, read from what they type:
// a place in the list just shown ("cái thứ 2", "số 1 con", "cái đầu tiên"), and a
// correction of the last answer ("không phải, ý tôi là …"). Folded comparisons,
// because most of these come without diacritics.
import { fold, foldCanonical, words } from '../kernel/vietnamese.ts';

const ORDINALS = new Map(Object.entries({ nhat: 1, mot: 1, dau: 1, hai: 2, nhi: 2, ba: 3, bon: 4, tu: 4, nam: 5 }));
/** Words that say "the one at": without one of them a lone "ba" or "hai" is not a pick. */
const POINTERS = new Set(['cai', 'so', 'thu', 'muc', 'loai', 'chon', 'lay', 'dong', 'phuong', 'an']);
/** Padding around a pick: "cái thứ 2 ạ", "số 1 con", "chọn cái đầu tiên nha". */
const PADDING = new Set(['a', 'ad', 'nha', 'nhe', 'ne', 'con', 'chau', 'em', 'di', 'tien', 'cung', 'y', 'la', 'do', 'ay', 'kia', 'nay', 'o', 'ben']);
const LAST = new Set(['cuoi']);
/**
 * Where in the list as shown ("cái dưới", "cái ở giữa", "cái trên cùng"), for the lists each
 * fits, given the word after it; an ordinal said beside one wins ("cái thứ 2 ở trên").
 */
const RELATIVE: ReadonlyMap<string, (size: number, next?: string) => number | undefined> = new Map([
  ['tren', (size, next) => (size === 2 || next === 'cung' ? 1 : undefined)],
  ['duoi', (size, next) => (size === 2 || next === 'cung' ? size : undefined)],
  ['sau', (size) => (size === 2 ? 2 : undefined)],
  ['giua', (size) => (size === 3 ? 2 : undefined)],
]);

/**
 * The 1-based place a message points at in a list of `size`, or undefined when it is
 * not a pick. "cái cuối" is the last one.
 */
export function readOrdinal(text: string, size: number): number | undefined {
  const typed = foldedWords(text);
  if (typed.length === 0 || typed.length > 6) return undefined;
  let place: number | undefined;
  let relative: number | undefined;
  let pointed = false;
  for (const [i, word] of typed.entries()) {
    if (POINTERS.has(word)) pointed = true;
    else if (/^\d{1,2}$/.test(word) || ORDINALS.has(word) || LAST.has(word)) {
      if (place !== undefined) return undefined;
      place = LAST.has(word) ? size : /^\d/.test(word) ? Number(word) : ORDINALS.get(word)!;
    } else if (RELATIVE.has(word)) relative ??= RELATIVE.get(word)!(size, typed[i + 1]);
    else if (!PADDING.has(word)) return undefined;
  }
  place ??= relative;
  return pointed && place !== undefined && place >= 1 && place <= size ? place : undefined;
}

/** "cái thứ hai, tui làm rớt ở chợ rồi": a place said in the first clause, then why; undefined when the message is one clause. */
export function readLeadingOrdinal(text: string, size: number): number | undefined {
  const [first, ...rest] = text.split(/[,.;!?]/);
  return rest.some((clause) => clause.trim()) ? readOrdinal(first!, size) : undefined;
}

/** "sổ bị cháy rồi, vậy chắc phải đăng ký lại, số 2 đó": a place said in the last clause, after why; undefined when the message is one clause. */
export function readTrailingOrdinal(text: string, size: number): number | undefined {
  const clauses = text.split(/[,.;!?]/).filter((clause) => clause.trim());
  return clauses.length > 1 ? readOrdinal(clauses.at(-1)!, size) : undefined;
}

/** Words that point at one of several things just mentioned: "cái cấp lại ấy", "loại cho bé". */
const POINTING = new Set(['cai', 'loai']);
/** "Chỉ sửa lại mái thôi": narrows what was said to a variant. Typed with its mark only: bare "chi" may be "chị" or "gì". */
const NARROWING = /^chỉ$/u;

/** "Cái cấp lại do mất thẻ á", "còn cái cho bé dưới 6 tuổi", "chỉ sửa lại mái": the message points back at a variant of what was said. */
export function pointsBack(text: string): boolean {
  const first = words(text.normalize('NFC').toLowerCase()).slice(0, 2);
  return first.some((w) => POINTING.has(foldCanonical(w)) || NARROWING.test(w));
}

function foldedWords(text: string): string[] {
  return words(text).map(foldCanonical);
}

/**
 * "không phải" at the start, as citizens type it (folded), after an interjection or two ("À không phải…", "Ủa, không phải");
 * a bare "không" or "(mình) nhầm rồi" before a comma ("Dạ không, thẻ có rồi nhưng in sai", "Sorry ad, mình nhầm, …"); or "tôi nói chưa đúng", "em hỏi nhầm".
 */
const NOT_THAT = String.raw`^\s*(?:(?:a|ah|o|oi|ui|u|ua|uh|um|da|thoi|xin loi|xl|sorry|sr|ad|admin)[\s,.!]+){0,2}(?:(?:khong|khum|hong|ko|k|kh|cha|chang)\s+phai\b|(?:khong|ko|hong|(?:(?:toi|em|e|minh|bac|chau|con|t)\s+)?nham(?:\s+(?:roi|r))?)(?=\s*[,.!])|(?:(?:toi|em|e|minh|bac|chau|con|t)\s+)?(?:noi|go|viet|hoi|ghi)\s+(?:nham|sai|chua dung)\b)`;
/** "tôi nói nhầm", "nhầm rồi": a rejection too, when the message then says what was meant. */
const MISSPOKE = /\b(?:noi|go|viet|hoi|ghi)\s+nham\b|\bnham\s+(?:roi|r)\b/;
const REJECTION = new RegExp(NOT_THAT);
// "không phải" and at most a few words (what was wrong) before a comma: "không phải mất, …".
// Without the comma it is a question of its own: "không phải đóng phí đúng không".
const REJECTED = new RegExp(String.raw`${NOT_THAT}(?:\s+[^\s,.;!?]+){0,5}\s*[,.;!]\s*`);
const MEANING = /\by\s+(?:toi|em|e|bac|minh|chau|con|t|anh|chi|co|chu)\s+(?:la|muon noi|muon hoi)\b[\s,:]*/;
// "không phải làm mới mà là làm lại do mất": what was wrong in a few words, then "mà (là)" and what was meant, no comma needed.
const RATHER = new RegExp(String.raw`${NOT_THAT}((?:\s+[^\s,.;!?]+){0,5}?)\s+ma(?:\s+la)?\s+`);

/** "Không phải giấy độc thân, ý tôi là …": what the citizen says was wrong ("giấy độc thân"), when said before a comma. */
export function rejectedIn(text: string): string | undefined {
  const typed = text.normalize('NFC');
  const folded = fold(typed);
  const opener = REJECTION.exec(folded);
  if (!opener) return undefined;
  const rejected = REJECTED.exec(folded);
  if (rejected) return typed.slice(opener[0].length, rejected[0].length).replace(/[\s,.;!]+$/, '').trim() || undefined;
  // "không phải làm mới mà là …": the words before "mà".
  const rather = RATHER.exec(folded);
  return rather ? typed.slice(opener[0].length, opener[0].length + rather[1]!.length).trim() || undefined : undefined;
}

/**
 * "không phải mất, ý tôi là thẻ còn nhưng gãy": the question the citizen meant instead of
 * the last answer (what follows the rejection, without "ý tôi là"); undefined when the
 * message is not a correction.
 */
export function readCorrection(text: string): string | undefined {
  // fold() keeps one character per NFC letter, so folded offsets cut the original.
  const typed = text.normalize('NFC');
  const folded = fold(typed);
  const meaning = MEANING.exec(folded);
  const rejected = REJECTED.exec(folded);
  let rest: string;
  if (rejected) {
    const from = rejected[0].length;
    rest = meaning && meaning.index >= from ? typed.slice(from, meaning.index) + ' ' + typed.slice(meaning.index + meaning[0].length) : typed.slice(from);
  } else if (meaning && (REJECTION.test(folded) || MISSPOKE.test(folded))) rest = typed.slice(meaning.index + meaning[0].length);
  else {
    const rather = RATHER.exec(folded);
    if (!rather) return undefined;
    rest = typed.slice(rather[0].length);
  }
  return rest.replace(/\s+/g, ' ').replace(/^[\s,.;]+/, '').trim() || undefined;
}
