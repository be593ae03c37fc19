// Ward and district numbers said in words, as speech-to-text writes them ("phường sáu quận
// tám cũ", "phường mười hai"): rewritten as the digits citizens type ("phường 6 quận 8"), so
// that the numbered units of the big cities are found however they were said.
import { canonical, foldCanonical } from '../kernel/vietnamese.ts';
import { WORD } from './names.ts';

/** Number words, folded; "mốt", "lăm", "tư" are the forms said after "mươi". */
const DIGITS = new Map(Object.entries({ mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 }));
/** The same words as they are spelt with their marks: "quán", "bà", "sau" typed with marks are other words. */
const SPELT = new Set(['một', 'mốt', 'hai', 'ba', 'bốn', 'tư', 'năm', 'lăm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi']);
const TEN = 'muoi';
/** Five as said after "mươi" ("hai mươi lăm"), never alone. */
const FIVE_AFTER_TENS = 'lam';
/** Types whose units are numbered, spelt out ("p", "q" are typed with digits anyway). */
const NUMBERED = new Map([['phuong', 'phường'], ['quan', 'quận']]);
/**
 * What may follow a number said after its type: another type, a word asking about the place,
 * or a word of address. Anything else may make the words a name or a phrase ("quan tâm",
 * "phường Hai Bà Trưng", "phường bây giờ").
 */
const FOLLOWERS = new Set(['phuong', 'quan', 'huyen', 'tp', 'tx', 'thi', 'thanh', 'tinh', 'cu', 'moi', 'thuoc', 'nay', 'la', 'o', 'cua', 'truoc', 'nhap', 'sap', 'sat', 'gop', 'doi', 'con', 'ten', 'bi', 'da', 'co', 'a', 'ad', 'nha', 'nhe', 'vay', 'voi', 'em', 'anh', 'chi', 'ha', 'khong', 'ko']);
/** "Giờ" after a number is the hour ("tám giờ"), unless one of these follows it: "quận tám giờ thuộc phường nào". */
const NOW = 'gio';
const NOW_FOLLOWERS = new Set(['thuoc', 'la', 'nhap', 'sap', 'doi', 'o', 'con', 'ten']);
/** "bảy" typed bare is mostly "bây" of "bây giờ". */
const NOT_AFTER_SEVEN = new Set(['gio', 'h']);
const BREAK = /[,;:!?…()\n.]/u;
/** The letter "phường" and "quận" start with, in either case. */
const TYPE_LETTER = /^[pPqQ]/;

interface Token {
  canon: string;
  folded: string;
  start: number;
  end: number;
}

/** `text` with the numbers said in words after "phường" or "quận" written as digits; the rest as it was. */
export function numbersInDigits(text: string): string {
  const matches = [...text.matchAll(WORD)];
  // Read lazily: most messages have no "phường" or "quận", and this runs on every message.
  const read: (Token | undefined)[] = [];
  const token = (i: number): Token | undefined => {
    const m = matches[i];
    if (!m || read[i]) return read[i];
    const canon = canonical(m[0]);
    return (read[i] = { canon, folded: foldCanonical(canon), start: m.index, end: m.index + m[0].length });
  };
  let out = '';
  let last = 0;
  for (let i = 0; i < matches.length; i++) {
    if (!TYPE_LETTER.test(matches[i]![0])) continue;
    const type = token(i)!;
    const spelt = NUMBERED.get(type.folded);
    if (!spelt || (type.canon !== type.folded && type.canon !== spelt)) continue;
    const number = numberAt(token, i + 1);
    if (!number || !endsWell(text, token, i + number.length, number.value)) continue;
    out += text.slice(last, token(i + 1)!.start) + String(number.value);
    last = token(i + number.length)!.end;
    i += number.length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** A number of one to three words from `at` (1–99): "sáu", "mười hai", "hai mươi mốt". */
function numberAt(token: (i: number) => Token | undefined, at: number): { value: number; length: number } | undefined {
  const word = (k: number) => {
    const t = token(at + k);
    // Typed bare, or spelt as a number word: "bà", "sau" with their marks are other words.
    return t && (t.canon === t.folded || SPELT.has(t.canon)) ? t.folded : undefined;
  };
  const digit = (k: number) => DIGITS.get(word(k) ?? '');
  if (word(0) === TEN) {
    const ones = digit(1);
    return ones === undefined ? { value: 10, length: 1 } : { value: 10 + ones, length: 2 };
  }
  const tens = digit(0);
  // "phường Lam Hạ" is a name.
  if (tens === undefined || word(0) === FIVE_AFTER_TENS) return undefined;
  if (word(1) !== TEN) return { value: tens, length: 1 };
  const ones = digit(2);
  return ones === undefined ? { value: tens * 10, length: 2 } : { value: tens * 10 + ones, length: 3 };
}

/** The number ends the message, a clause, or stands before a word that cannot carry it on as a name. */
function endsWell(text: string, token: (i: number) => Token | undefined, lastAt: number, value: number): boolean {
  const next = token(lastAt + 1);
  if (!next || BREAK.test(text.slice(token(lastAt)!.end, next.start))) return true;
  if (value === 7 && NOT_AFTER_SEVEN.has(next.folded)) return false;
  // "quận tám giờ thuộc …": "giờ" is "now" when a word asking about the place follows it, not the hour.
  if (next.folded === NOW) return NOW_FOLLOWERS.has(token(lastAt + 2)?.folded ?? '');
  return FOLLOWERS.has(next.folded);
}
